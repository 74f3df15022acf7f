package io.vantaechonebula.chain.pow;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/** Hashes per second over the last ten whole seconds, counted by the miners of one chain. */
public final class HashRateMeter {

    private static final int WINDOW_SECONDS = 10;

    private final AtomicLongArray buckets = new AtomicLongArray(WINDOW_SECONDS);
    private final AtomicLongArray bucketSecond = new AtomicLongArray(WINDOW_SECONDS);
    private final LongSupplier clockMillis;

    public HashRateMeter(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
    }

    public HashRateMeter() {
        this(System::currentTimeMillis);
    }

    public void record(long hashes) {
        long second = clockMillis.getAsLong() / 1000;
        int slot = (int) (second % WINDOW_SECONDS);
        if (bucketSecond.getAndSet(slot, second) != second) {
            buckets.set(slot, 0);
        }
        buckets.addAndGet(slot, hashes);
    }

    public double perSecond() {
        long now = clockMillis.getAsLong() / 1000;
        long total = 0;
        for (int slot = 0; slot < WINDOW_SECONDS; slot++) {
            long second = bucketSecond.get(slot);
            if (second < now && second >= now - WINDOW_SECONDS) {
                total += buckets.get(slot);
            }
        }
        return total / (double) WINDOW_SECONDS;
    }
}
