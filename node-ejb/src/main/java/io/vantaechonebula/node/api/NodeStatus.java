package io.vantaechonebula.node.api;

import java.time.Instant;
import java.util.List;

/**
 * Who this node is.
 *
 * @param mode     full, simple or basic (docs/configuration.md)
 * @param runsPool whether it runs the processing pool (full nodes do)
 * @param chains   the chains it runs
 */
public record NodeStatus(String version, String nodeId, String mode, boolean runsPool, List<String> chains,
                         Instant startedAt) {

    public NodeStatus {
        chains = List.copyOf(chains);
    }
}
