package io.vantaechonebula.pool.pipeline;

import java.util.Arrays;

/**
 * Latencies of the last minute, for percentiles: a ring of the most recent values with their
 * times. Latencies are measured from the node's clock to the pool's, so they assume the clocks
 * agree (NTP); a negative one, from a clock ahead, counts as 0.
 */
final class LatencyWindow {

    private static final long WINDOW_MILLIS = 60_000;
    private static final int CAPACITY = 1 << 16;

    private final long[] atMs = new long[CAPACITY];
    private final long[] latencyMs = new long[CAPACITY];
    private int next;
    private int size;

    synchronized void record(long latency, long nowMs) {
        atMs[next] = nowMs;
        latencyMs[next] = Math.max(0, latency);
        next = (next + 1) % CAPACITY;
        size = Math.min(size + 1, CAPACITY);
    }

    /** The p-th percentile (0 < p <= 100) of the last minute's latencies, nearest rank; -1 when there are none. */
    synchronized long percentile(double p, long nowMs) {
        long[] recent = new long[size];
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (nowMs - atMs[i] <= WINDOW_MILLIS) {
                recent[count++] = latencyMs[i];
            }
        }
        if (count == 0) {
            return -1;
        }
        Arrays.sort(recent, 0, count);
        int rank = (int) Math.ceil(p / 100 * count);
        return recent[Math.max(0, rank - 1)];
    }
}
