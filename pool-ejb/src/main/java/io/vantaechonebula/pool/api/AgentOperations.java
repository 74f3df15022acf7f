package io.vantaechonebula.pool.api;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Map;

/** What each of the twelve agents has learnt and kept, as the database holds it now. */
@Local
public interface AgentOperations {

    /** By agent id, as counted at most 30 s ago. */
    Map<String, AgentModels> models();

    /** By agent id, as counted at most 30 s ago. */
    Map<String, AgentSeries> series();

    /** How many findings each agent has raised, by agent id, as counted at most 30 s ago. */
    Map<String, Long> findingCounts();

    /** An agent's models, most trained first; of one node only when {@code nodeId} is not null. */
    List<ModelView> modelsOf(Agent agent, String nodeId, int limit);
}
