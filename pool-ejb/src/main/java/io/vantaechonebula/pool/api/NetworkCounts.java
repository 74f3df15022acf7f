package io.vantaechonebula.pool.api;

import java.util.List;
import java.util.Map;

/**
 * The network board's counts, read together: the nodes up, silent and down, and the open alerts and
 * insights (seen in the last ten minutes, neither acknowledged nor resolved) by severity, every type and
 * severity present.
 */
public record NetworkCounts(NodeStates nodes, Map<FindingType, Map<Severity, Long>> open, List<OpenFindings> openByKind) {

    public NetworkCounts {
        open = Map.copyOf(open);
        openByKind = List.copyOf(openByKind);
    }

    /** How many findings of one type, kind and severity are open. */
    public record OpenFindings(FindingType type, String kind, Severity severity, long count) {
    }

    public long open(FindingType type, Severity severity) {
        return open.getOrDefault(type, Map.of()).getOrDefault(severity, 0L);
    }
}
