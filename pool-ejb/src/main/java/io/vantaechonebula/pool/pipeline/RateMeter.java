package io.vantaechonebula.pool.pipeline;

/** Counts events in one-second buckets and gives the rate over the last minute. */
final class RateMeter {

    private static final int SECONDS = 60;

    private final long[] counts = new long[SECONDS];
    private final long[] bucketSecond = new long[SECONDS];

    synchronized void record(long events, long nowMillis) {
        long second = nowMillis / 1000;
        int slot = (int) (second % SECONDS);
        if (bucketSecond[slot] != second) {
            bucketSecond[slot] = second;
            counts[slot] = 0;
        }
        counts[slot] += events;
    }

    /** Events per second over the last full minute (the current second excluded, as it is still filling). */
    synchronized double perSecond(long nowMillis) {
        long current = nowMillis / 1000;
        long total = 0;
        for (int slot = 0; slot < SECONDS; slot++) {
            long age = current - bucketSecond[slot];
            if (age >= 1 && age <= SECONDS) {
                total += counts[slot];
            }
        }
        return total / (double) SECONDS;
    }
}
