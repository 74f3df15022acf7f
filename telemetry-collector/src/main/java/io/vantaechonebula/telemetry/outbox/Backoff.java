package io.vantaechonebula.telemetry.outbox;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Delays between retries: doubling from {@code first} up to {@code max}, each drawn at random
 * from its upper half so that nodes which failed together do not retry together.
 */
public final class Backoff {

    private final long firstMillis;
    private final long maxMillis;
    private final DoubleSupplier random;
    private int failures;

    /** @param random values in [0, 1), such as {@code ThreadLocalRandom.current()::nextDouble} */
    public Backoff(Duration first, Duration max, DoubleSupplier random) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("Backoff needs 0 < first <= max, not first " + first + " and max " + max);
        }
        this.firstMillis = first.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /** Counts a failure and returns how long to wait before the next try. */
    public long nextDelayMillis() {
        long ceiling = firstMillis;
        for (int i = 0; i < failures && ceiling < maxMillis; i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, maxMillis);
        failures++;
        return ceiling / 2 + (long) (random.getAsDouble() * (ceiling - ceiling / 2));
    }

    /** After a success: the next failure waits {@code first} again. */
    public void reset() {
        failures = 0;
    }

    public int failures() {
        return failures;
    }
}
