package io.vantaechonebula.pool.api;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;

/** The agents' alerts and insights, as operators list, read and acknowledge them. */
@Local
public interface FindingOperations {

    /** Newest seen first. */
    List<FindingView> find(FindingFilter filter);

    /** How many findings the filter selects, whatever its offset and limit. */
    long count(FindingFilter filter);

    Optional<FindingView> get(FindingType type, long id);

    /**
     * Acknowledges an alert or insight as this operator, with an optional comment (at most
     * {@value FindingView#MAX_COMMENT} characters), and audits it. Acknowledging again keeps the first
     * record and audits nothing.
     *
     * @throws IllegalArgumentException if the comment is too long or has control characters
     */
    Optional<FindingView> acknowledge(FindingType type, long id, Actor operator, String comment);

    /** {@link #acknowledge} of each id, in one transaction: all or none; ids that do not exist are left out of the answer. */
    List<FindingView> acknowledgeAll(FindingType type, List<Long> ids, Actor operator, String comment);

    /** An agent's findings, newest seen first. */
    List<FindingView> recentOfAgent(String agentId, int limit);

}
