package io.vantaechonebula.pool.api;

import java.util.Locale;

/**
 * Which findings to list.
 *
 * @param nodeId null for every node
 * @param chainId null for every chain
 * @param leastSeverity the findings at least this severe
 * @param kind null for every kind
 * @param offset how many of the newest to skip, for paging
 */
public record FindingFilter(FindingType type, State state, String nodeId, String chainId, Severity leastSeverity, String kind,
                            int offset, int limit) {

    public FindingFilter(FindingType type, State state, String nodeId, String chainId, Severity leastSeverity, int limit) {
        this(type, state, nodeId, chainId, leastSeverity, null, 0, limit);
    }

    /** Open: seen in the last ten minutes and not acknowledged. */
    public enum State {
        OPEN, ACKNOWLEDGED, ALL;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @throws IllegalArgumentException naming the states there are */
        public static State of(String id) {
            for (State state : values()) {
                if (state.id().equals(id)) {
                    return state;
                }
            }
            throw new IllegalArgumentException("unknown state '" + id + "': use open, acknowledged or all");
        }
    }
}
