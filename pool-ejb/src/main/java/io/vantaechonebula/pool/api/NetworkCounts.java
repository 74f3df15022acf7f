package io.vantaechonebula.pool.api;

import java.util.Map;

/**
 * The network board's counts, read together: the nodes up, silent and down, and the open alerts and
 * insights (seen in the last ten minutes, neither acknowledged nor resolved) by severity, every type and
 * severity present.
 */
public record NetworkCounts(NodeStates nodes, Map<FindingType, Map<Severity, Long>> open) {

    public NetworkCounts {
        open = Map.copyOf(open);
    }

    public long open(FindingType type, Severity severity) {
        return open.getOrDefault(type, Map.of()).getOrDefault(severity, 0L);
    }
}
