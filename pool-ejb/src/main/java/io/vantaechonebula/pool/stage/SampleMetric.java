package io.vantaechonebula.pool.stage;

import io.vantaechonebula.pool.api.SampleView;
import java.util.OptionalDouble;
import java.util.function.Function;

/** The metrics of a sample that vary around a level (height and uptime only grow, so they are not here). */
public enum SampleMetric {
    BLOCKS("blocks_processed", SampleView::blocksProcessed),
    TRANSACTIONS("transaction_count", SampleView::transactionCount),
    HASH_RATE("mining_hash_rate", SampleView::miningHashRate),
    PEERS("peer_count", SampleView::peerCount),
    LATENCY("average_latency", SampleView::averageLatencyMs),
    BANDWIDTH("bandwidth_usage", SampleView::bandwidthUsage),
    CONNECTION_QUALITY("connection_quality", SampleView::connectionQuality),
    CPU("cpu_usage", SampleView::cpuUsage),
    MEMORY("memory_usage", SampleView::memoryUsage),
    STORAGE("storage_usage", SampleView::storageUsage);

    private final String id;
    private final Function<SampleView, Number> reader;

    SampleMetric(String id, Function<SampleView, Number> reader) {
        this.id = id;
        this.reader = reader;
    }

    /** The field's name in the telemetry schema. */
    public String id() {
        return id;
    }

    /** The sample's value, empty where the sample does not carry it. */
    public OptionalDouble of(SampleView sample) {
        Number value = reader.apply(sample);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value.doubleValue());
    }
}
