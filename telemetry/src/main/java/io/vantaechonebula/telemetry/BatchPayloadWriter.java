package io.vantaechonebula.telemetry;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes samples as the batch payload that {@link TelemetryParser} reads: what collectors send
 * over JMS or HTTP. Every metric must be present except the average latency, which is null while
 * a node has no peers, and the storage usage, left out where the node does not measure it.
 */
public final class BatchPayloadWriter {

    /** Looked up once: JSON.createX looks the provider up again on every call, through the server's class loaders. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private BatchPayloadWriter() {
    }

    /**
     * @param submissionTime epoch seconds
     * @param droppedSamples samples the sender's buffer dropped since it started
     */
    public static JsonObject batch(String nodeId, BigDecimal submissionTime, List<TelemetrySample> samples,
                                   long droppedSamples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("A batch holds at least one sample");
        }
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (TelemetrySample sample : samples) {
            if (!sample.nodeId().equals(nodeId)) {
                throw new IllegalArgumentException("Sample of node " + sample.nodeId() + " in a batch of node " + nodeId);
            }
            array.add(sample(sample));
        }
        return JSON.createObjectBuilder()
                .add("node_id", nodeId)
                .add("submission_time", submissionTime)
                .add("batch_size", samples.size())
                .add("dropped_samples", droppedSamples)
                .add("data_batch", array)
                .build();
    }

    private static JsonObjectBuilder sample(TelemetrySample sample) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("node_id", sample.nodeId())
                .add("node_type", sample.nodeType())
                .add("chain_id", sample.chainId())
                .add("timestamp", sample.timestamp());
        if (sample.seq() != null) {
            json.add("seq", sample.seq());
        }
        JsonObjectBuilder network = JSON.createObjectBuilder()
                .add("peer_count", required(sample.peerCount(), "peer_count"));
        if (sample.averageLatencyMs() == null) {
            network.addNull("average_latency");
        } else {
            network.add("average_latency", sample.averageLatencyMs());
        }
        JsonObjectBuilder performance = JSON.createObjectBuilder()
                .add("cpu_usage", required(sample.cpuUsage(), "cpu_usage"))
                .add("memory_usage", required(sample.memoryUsage(), "memory_usage"))
                .add("uptime", required(sample.uptimeSeconds(), "uptime"));
        if (sample.storageUsage() != null) {
            performance.add("storage_usage", sample.storageUsage());
        }
        JsonObjectBuilder chain = JSON.createObjectBuilder()
                .add("current_height", required(sample.currentHeight(), "current_height"))
                .add("blocks_processed_last_interval", required(sample.blocksProcessed(), "blocks_processed_last_interval"))
                .add("transaction_count", required(sample.transactionCount(), "transaction_count"))
                .add("mining_hash_rate", required(sample.miningHashRate(), "mining_hash_rate"));
        if (sample.syncing() != null && sample.blocksBehind() != null) {
            chain.add("sync_status", JSON.createObjectBuilder().add("syncing", sample.syncing())
                    .add("blocks_behind", sample.blocksBehind()));
        }
        json.add("blockchain_metrics", chain)
                .add("network_metrics", network
                        .add("bandwidth_usage", required(sample.bandwidthUsage(), "bandwidth_usage"))
                        .add("connection_quality", required(sample.connectionQuality(), "connection_quality")))
                .add("performance_metrics", performance);
        if (sample.extensionsJson() != null) {
            try (JsonReader reader = JSON.createReader(new StringReader(sample.extensionsJson()))) {
                reader.readObject().forEach(json::add);
            }
        }
        return json;
    }

    private static long required(Long value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("A batch sample needs " + field);
        }
        return value;
    }

    private static double required(Double value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("A batch sample needs " + field);
        }
        return value;
    }
}
