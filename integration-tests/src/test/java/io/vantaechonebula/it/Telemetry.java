package io.vantaechonebula.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.UUID;

/** Builds telemetry payloads in the shapes node software sends. */
final class Telemetry {

    private Telemetry() {
    }

    /** Sends one sample of a node's storage use (0 to 1) over HTTP; 0.96 after 0.50 raises a high_storage alert. */
    static void sendStorage(String node, long seq, double storage) {
        JsonObject sample = sample(node, seq).add("timestamp", System.currentTimeMillis() / 1000.0)
                .add("performance_metrics", Json.createObjectBuilder().add("cpu_usage", 0.25).add("memory_usage", 0.5)
                        .add("storage_usage", storage).add("uptime", 120 + seq))
                .build();
        Api.Answer answer = Api.post("/api/v1/pool/ingest", batchOf(node, Json.createArrayBuilder().add(sample), 1).toString());
        if (answer.status() != 202) {
            throw new AssertionError("ingest answered " + answer.status() + ": " + answer.body());
        }
    }

    static String newNodeId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    static JsonObjectBuilder sample(String nodeId, long seq) {
        return Json.createObjectBuilder()
                .add("timestamp", now() - 3600 + seq + 0.5)
                .add("node_id", nodeId)
                .add("node_type", "basic")
                .add("chain_id", "testnet")
                .add("seq", seq)
                .add("blockchain_metrics", Json.createObjectBuilder()
                        .add("current_height", 1000 + seq)
                        .add("blocks_processed_last_interval", 1)
                        .add("transaction_count", 10 + seq)
                        .add("mining_hash_rate", 2500.5))
                .add("network_metrics", Json.createObjectBuilder()
                        .add("peer_count", 3)
                        .add("average_latency", 42.5)
                        .add("bandwidth_usage", 10240)
                        .add("connection_quality", 0.9))
                .add("performance_metrics", Json.createObjectBuilder()
                        .add("cpu_usage", 0.25)
                        .add("memory_usage", 0.5)
                        .add("uptime", 120 + seq));
    }

    static JsonObject batch(String nodeId, long firstSeq, int count) {
        JsonArrayBuilder samples = Json.createArrayBuilder();
        for (long seq = firstSeq; seq < firstSeq + count; seq++) {
            samples.add(sample(nodeId, seq));
        }
        return batchOf(nodeId, samples, count);
    }

    static JsonObject batchOf(String nodeId, JsonArrayBuilder samples, int count) {
        return Json.createObjectBuilder()
                .add("node_id", nodeId)
                .add("data_batch", samples)
                .add("batch_size", count)
                .add("submission_time", now())
                .build();
    }

    static JsonObject contribution(JsonObjectBuilder nodeData) {
        return Json.createObjectBuilder()
                .add("timestamp", now() - 1)
                .add("node_data", nodeData)
                .add("data_type", "node_contribution")
                .build();
    }

    static JsonObjectBuilder contributionData() {
        return Json.createObjectBuilder()
                .add("blocks_processed", 5)
                .add("transactions_seen", 77)
                .add("network_latency", 18.5)
                .add("peer_count", 2)
                .add("node_type", "simple")
                .add("chain_id", "mainnet");
    }
}
