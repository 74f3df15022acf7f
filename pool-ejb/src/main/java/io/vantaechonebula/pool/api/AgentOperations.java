package io.vantaechonebula.pool.api;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Map;

/** What each of the twelve agents has learnt and kept, as the database holds it now. */
@Local
public interface AgentOperations {

    /** By agent id. */
    Map<String, AgentModels> models();

    /** By agent id. */
    Map<String, AgentSeries> series();

    /** An agent's models, most trained first; of one node only when {@code nodeId} is not null. */
    List<ModelView> modelsOf(Agent agent, String nodeId, int limit);
}
