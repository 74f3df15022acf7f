package io.vantaechonebula.pool.api;

import java.util.List;

/**
 * How the pool is doing (docs/pool.md): its queues, its pipeline, and what nodes lost.
 *
 * @param nodeDataLimit the most messages {@code NodeData} holds before producers wait
 * @param dropping      the nodes that reported dropped samples, those that dropped most first, at most 100
 */
public record PoolStats(QueueDepth nodeData, long nodeDataLimit, QueueDepth training, QueueDepth deadLetters,
                        PipelineSnapshot pipeline, long nodes, List<NodeDrops> dropping) {

    public PoolStats {
        dropping = List.copyOf(dropping);
    }
}
