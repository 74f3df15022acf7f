package io.vantaechonebula.telemetry;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Builds payloads in the seeds' shapes for tests. */
final class Samples {

    static final long NOW = 1_763_800_000L;

    private Samples() {
    }

    static JsonObjectBuilder sample(String nodeId, long seq) {
        return Json.createObjectBuilder()
                .add("timestamp", NOW - 100 + seq * 5 + 0.25)
                .add("node_id", nodeId)
                .add("node_type", "basic")
                .add("chain_id", "testnet")
                .add("seq", seq)
                .add("blockchain_metrics", Json.createObjectBuilder()
                        .add("current_height", 1200 + seq)
                        .add("blocks_processed_last_interval", 1)
                        .add("transaction_count", 14)
                        .add("mining_hash_rate", 125000.5))
                .add("network_metrics", Json.createObjectBuilder()
                        .add("peer_count", 4)
                        .add("average_latency", 38.2)
                        .add("bandwidth_usage", 20480)
                        .add("connection_quality", 0.93))
                .add("performance_metrics", Json.createObjectBuilder()
                        .add("cpu_usage", 0.31)
                        .add("memory_usage", 0.62)
                        .add("uptime", 3600.5));
    }

    static JsonObject batch(String nodeId, JsonObjectBuilder... samples) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (JsonObjectBuilder sample : samples) {
            array.add(sample);
        }
        return Json.createObjectBuilder()
                .add("node_id", nodeId)
                .add("data_batch", array)
                .add("batch_size", samples.length)
                .add("submission_time", NOW)
                .build();
    }

    static JsonObjectBuilder contributionData() {
        return Json.createObjectBuilder()
                .add("blocks_processed", 17)
                .add("transactions_seen", 230)
                .add("network_latency", 41.5)
                .add("peer_count", 3)
                .add("node_type", "simple")
                .add("chain_id", "mainnet");
    }

    static JsonObject contribution(JsonObjectBuilder data) {
        return Json.createObjectBuilder()
                .add("timestamp", NOW - 3)
                .add("node_data", data)
                .add("data_type", "node_contribution")
                .build();
    }
}
