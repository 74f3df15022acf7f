package io.vantaechonebula.pool.api;

import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * An alert or insight as operators read it (docs/agents.md).
 *
 * @param active whether it was seen in the last ten minutes and is not resolved, as of when it was read
 */
public record FindingView(long id, FindingType type, String agent, String kind, Severity severity, Optional<String> nodeId,
                          Optional<String> chainId, String summary, JsonObject evidence, long firstSeenMs, long lastSeenMs,
                          long occurrences, boolean active, Optional<Long> resolvedAtMs, Optional<String> recommendation,
                          Optional<String> acknowledgedBy, Optional<Long> acknowledgedAtMs,
                          Optional<String> acknowledgedComment) {

    /** The longest comment an acknowledgement keeps, in characters. */
    public static final int MAX_COMMENT = 500;
}
