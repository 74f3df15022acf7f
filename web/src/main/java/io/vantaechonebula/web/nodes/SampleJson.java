package io.vantaechonebula.web.nodes;

import io.vantaechonebula.pool.api.SampleView;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;

/** A stored sample in the same snake_case shape nodes send, plus when the pool received it and whether it came signed. */
final class SampleJson {

    /** Looked up once: Json.createX looks the provider up again on every call, through the server's class loaders. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private SampleJson() {
    }

    static JsonObject of(SampleView sample) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("timestamp", sample.timestamp())
                .add("node_id", sample.nodeId())
                .add("node_type", sample.nodeType())
                .add("chain_id", sample.chainId());
        if (sample.seq() != null) {
            json.add("seq", sample.seq());
        }
        json.add("received_at", Instant.ofEpochMilli(sample.receivedAtMs()).toString());
        json.add("verified", sample.verified());
        JsonObjectBuilder chain = JSON.createObjectBuilder();
        add(chain, "current_height", sample.currentHeight());
        add(chain, "blocks_processed_last_interval", sample.blocksProcessed());
        add(chain, "transaction_count", sample.transactionCount());
        add(chain, "mining_hash_rate", sample.miningHashRate());
        if (sample.syncing() != null && sample.blocksBehind() != null) {
            chain.add("sync_status", JSON.createObjectBuilder().add("syncing", sample.syncing())
                    .add("blocks_behind", sample.blocksBehind()));
        }
        JsonObjectBuilder network = JSON.createObjectBuilder();
        add(network, "peer_count", sample.peerCount());
        add(network, "average_latency", sample.averageLatencyMs());
        add(network, "bandwidth_usage", sample.bandwidthUsage());
        add(network, "connection_quality", sample.connectionQuality());
        JsonObjectBuilder performance = JSON.createObjectBuilder();
        add(performance, "cpu_usage", sample.cpuUsage());
        add(performance, "memory_usage", sample.memoryUsage());
        add(performance, "storage_usage", sample.storageUsage());
        add(performance, "uptime", sample.uptimeSeconds());
        json.add("blockchain_metrics", chain).add("network_metrics", network).add("performance_metrics", performance);
        if (sample.extensionsJson() != null) {
            try (JsonReader reader = JSON.createReader(new StringReader(sample.extensionsJson()))) {
                reader.readObject().forEach(json::add);
            }
        }
        return json.build();
    }

    private static void add(JsonObjectBuilder json, String name, Number value) {
        if (value == null) {
            json.addNull(name);
        } else if (value instanceof Long whole) {
            json.add(name, whole);
        } else {
            json.add(name, value.doubleValue());
        }
    }
}
