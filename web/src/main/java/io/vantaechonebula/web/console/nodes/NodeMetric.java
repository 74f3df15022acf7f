package io.vantaechonebula.web.console.nodes;

import io.vantaechonebula.pool.api.SampleView;
import java.util.function.Function;

/** The metrics a node's page charts: the telemetry field (and aggregate) name, a label with its unit, and the sample's value. */
public enum NodeMetric {
    HEIGHT("current_height", "height (blocks)", SampleView::currentHeight),
    CPU("cpu_usage", "CPU (share of one, 0-1)", SampleView::cpuUsage),
    MEMORY("memory_usage", "memory (share, 0-1)", SampleView::memoryUsage),
    STORAGE("storage_usage", "storage (share, 0-1)", SampleView::storageUsage),
    LATENCY("average_latency", "latency to peers (ms)", SampleView::averageLatencyMs),
    PEERS("peer_count", "peers", SampleView::peerCount),
    HASH_RATE("mining_hash_rate", "hash rate (H/s)", SampleView::miningHashRate),
    TRANSACTIONS("transaction_count", "transactions per sample", SampleView::transactionCount),
    BLOCKS("blocks_processed", "blocks per sample", SampleView::blocksProcessed),
    BANDWIDTH("bandwidth_usage", "bandwidth (bytes/s)", SampleView::bandwidthUsage);

    private final String id;
    private final String label;
    private final Function<SampleView, Number> reader;

    NodeMetric(String id, String label, Function<SampleView, Number> reader) {
        this.id = id;
        this.label = label;
        this.reader = reader;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** The sample's value, null where the sample does not carry it. */
    public Double of(SampleView sample) {
        Number value = reader.apply(sample);
        return value == null ? null : value.doubleValue();
    }

    public static NodeMetric of(String id) {
        for (NodeMetric metric : values()) {
            if (metric.id.equals(id)) {
                return metric;
            }
        }
        return CPU;
    }
}
