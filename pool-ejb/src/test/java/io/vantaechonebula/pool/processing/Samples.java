package io.vantaechonebula.pool.processing;

import io.vantaechonebula.pool.store.SampleView;
import java.math.BigDecimal;

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
                height, 1L, transactions, 1000.0, 0L, null, 2048.0, connectionQuality, cpu, 0.5, 0.4, 60.0 + 5 * index, null);
    }

    /** A sample whose network figures the test sets, received {@code receivedAtMs}. */
    public static SampleView network(String node, int index, long peers, double latencyMs, long receivedAtMs) {
        return new SampleView(node, "full", "testnet", BigDecimal.valueOf(START_SECONDS + 5L * index), (long) index,
                receivedAtMs, 100L + index, 1L, 10L, 1000.0, peers, latencyMs, 2048.0, 1.0, 0.2, 0.5, 0.4, 60.0 + 5 * index, null);
    }
}
