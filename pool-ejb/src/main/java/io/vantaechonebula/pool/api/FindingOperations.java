package io.vantaechonebula.pool.api;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The agents' alerts and insights, as operators list, read and acknowledge them. */
@Local
public interface FindingOperations {

    /** Newest seen first. */
    List<FindingView> find(FindingFilter filter);

    Optional<FindingView> get(FindingType type, long id);

    /** Records who took the finding on; acknowledging again keeps the first operator's name and time. */
    Optional<FindingView> acknowledge(FindingType type, long id, String operator);

    /** An agent's findings, newest seen first. */
    List<FindingView> recentOfAgent(String agentId, int limit);

    /** How many findings each agent has raised, by agent id. */
    Map<String, Long> countsByAgent();
}
