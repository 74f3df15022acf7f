package io.vantaechonebula.pool.stage;

import io.vantaechonebula.pool.api.SampleView;
import io.vantaechonebula.pool.store.StoredSample;
import java.math.BigDecimal;
import java.util.List;

/** Samples for processor tests: a steady node whose metrics the tests set. */
public final class Samples {

    public static final long START_SECONDS = 1_763_800_000L;

    private Samples() {
    }

    public static SampleView sample(String node, String chain, int index, long height, long transactions, double cpu) {
        return sample(node, chain, index, height, transactions, cpu, 1.0);
    }

    public static SampleView sample(String node, String chain, int index, long height, long transactions, double cpu,
                             double connectionQuality) {
        return new SampleView(node, "full", chain, BigDecimal.valueOf(START_SECONDS + 5L * index), (long) index, 0,
                height, 1L, transactions, 1000.0, null, null, 0L, null, 2048.0, connectionQuality, cpu, 0.5, 0.4, 60.0 + 5 * index, null, false);
    }

    /** A sample whose network figures the test sets, received {@code receivedAtMs}. */
    public static SampleView network(String node, int index, long peers, double latencyMs, long receivedAtMs) {
        return new SampleView(node, "full", "testnet", BigDecimal.valueOf(START_SECONDS + 5L * index), (long) index,
                receivedAtMs, 100L + index, 1L, 10L, 1000.0, null, null, peers, latencyMs, 2048.0, 1.0, 0.2, 0.5, 0.4, 60.0 + 5 * index, null, false);
    }

    /** The same sample with these extensions (docs/ingest.md), as a JSON object's text. */
    public static SampleView withExtensions(SampleView s, String extensions) {
        return new SampleView(s.nodeId(), s.nodeType(), s.chainId(), s.timestamp(), s.seq(), s.receivedAtMs(),
                s.currentHeight(), s.blocksProcessed(), s.transactionCount(), s.miningHashRate(), s.syncing(), s.blocksBehind(), s.peerCount(),
                s.averageLatencyMs(), s.bandwidthUsage(), s.connectionQuality(), s.cpuUsage(), s.memoryUsage(),
                s.storageUsage(), s.uptimeSeconds(), extensions, false);
    }

    /** The same sample as if it came signed by its node's registered key. */
    public static SampleView verified(SampleView s) {
        return new SampleView(s.nodeId(), s.nodeType(), s.chainId(), s.timestamp(), s.seq(), s.receivedAtMs(),
                s.currentHeight(), s.blocksProcessed(), s.transactionCount(), s.miningHashRate(), s.syncing(), s.blocksBehind(), s.peerCount(),
                s.averageLatencyMs(), s.bandwidthUsage(), s.connectionQuality(), s.cpuUsage(), s.memoryUsage(),
                s.storageUsage(), s.uptimeSeconds(), s.extensionsJson(), true);
    }

    /** A block as nodes report it in a sample's {@code blocks}. */
    public static String block(long height, String miner, long timestampMs, int transactions, long fees, Long intervalMs) {
        return "{\"height\":" + height + ",\"hash\":\"h" + height + "\",\"miner\":\"" + miner + "\",\"timestamp_ms\":" + timestampMs
                + ",\"transactions\":" + transactions + ",\"volume\":" + transactions * 100L + ",\"fees\":" + fees
                + ",\"difficulty\":4096.0" + (intervalMs == null ? "" : ",\"interval_ms\":" + intervalMs) + "}";
    }

    /** A node's sample on a chain that reports these blocks, at its height the highest of them. */
    public static SampleView withBlocks(String node, String chain, int index, double hashRate, String... blocks) {
        SampleView s = new SampleView(node, "full", chain, BigDecimal.valueOf(START_SECONDS + 5L * index), (long) index,
                (START_SECONDS + 5L * index) * 1000, 100L + index, (long) blocks.length, 10L, hashRate, null, null, 3L, 20.0, 2048.0, 1.0,
                0.2, 0.5, 0.4, 60.0 + 5 * index, null, false);
        return withExtensions(s, "{\"blocks\":[" + String.join(",", blocks) + "]}");
    }

    /** The samples as the stages take them from the store. */
    public static List<StoredSample> stored(List<SampleView> samples) {
        return samples.stream().map(StoredSample::new).toList();
    }
}
