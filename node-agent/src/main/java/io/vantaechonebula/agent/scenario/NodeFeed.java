package io.vantaechonebula.agent.scenario;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** One made-up node's telemetry as the pool takes it (docs/ingest.md): samples timed now, numbered in order. */
final class NodeFeed {

    final String nodeId;
    final String chain;
    private long seq;
    long height;
    double latencyMs = 40;
    double hashRate;
    private long blockTimeMs = System.currentTimeMillis() - 3_600_000;

    NodeFeed(String nodeId, String chain) {
        this.nodeId = nodeId;
        this.chain = chain;
    }

    /** One sample now, reporting these new blocks (built with {@link #block}). */
    void send(SystemClient system, JsonArrayBuilder blocks) {
        JsonArrayBuilder samples = Json.createArrayBuilder().add(sample(System.currentTimeMillis(), blocks));
        system.ingest(batch(samples, 1));
    }

    /** {@code count} samples in one batch, timed {@code spacingMs} apart up to now. */
    void sendMany(SystemClient system, int count, long spacingMs) {
        long now = System.currentTimeMillis();
        JsonArrayBuilder samples = Json.createArrayBuilder();
        for (int i = count - 1; i >= 0; i--) {
            samples.add(sample(now - i * spacingMs, Json.createArrayBuilder()));
        }
        system.ingest(batch(samples, count));
    }

    /**
     * The next usual block on this feed's chain, {@code intervalMs} after the previous one: two to six
     * transfers of 100 each, paying a fee of 1 each.
     */
    JsonObject block(String miner, long intervalMs) {
        long transactions = 2 + (height + 1) % 5;
        return block(miner, intervalMs, transactions, 100 * transactions, transactions);
    }

    /** The next block on this feed's chain, holding {@code transactions} that move {@code volume} and pay {@code fees}. */
    JsonObject block(String miner, long intervalMs, long transactions, long volume, long fees) {
        height++;
        blockTimeMs += intervalMs;
        return Json.createObjectBuilder().add("height", height).add("hash", chain + "-" + height).add("miner", miner)
                .add("timestamp_ms", blockTimeMs).add("transactions", transactions).add("volume", volume).add("fees", fees)
                .add("difficulty", 65_536.0).add("interval_ms", intervalMs).build();
    }

    private JsonObject sample(long atMs, JsonArrayBuilder blocks) {
        JsonObjectBuilder sample = Json.createObjectBuilder()
                .add("timestamp", atMs / 1000.0).add("node_id", nodeId).add("node_type", "full").add("chain_id", chain)
                .add("seq", seq++)
                .add("blockchain_metrics", Json.createObjectBuilder().add("current_height", height)
                        .add("blocks_processed_last_interval", 0).add("transaction_count", 3).add("mining_hash_rate", hashRate))
                .add("network_metrics", Json.createObjectBuilder().add("peer_count", 4).add("average_latency", latencyMs)
                        .add("bandwidth_usage", 20_480).add("connection_quality", 1.0))
                .add("performance_metrics", Json.createObjectBuilder().add("cpu_usage", 0.2).add("memory_usage", 0.4)
                        .add("storage_usage", 0.3).add("uptime", 3_600));
        return sample.add("blocks", blocks).build();
    }

    private JsonObject batch(JsonArrayBuilder samples, int count) {
        return Json.createObjectBuilder().add("node_id", nodeId).add("batch_size", count)
                .add("submission_time", System.currentTimeMillis() / 1000.0).add("data_batch", samples).build();
    }
}
