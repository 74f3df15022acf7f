package io.vantaechonebula.telemetry.collector;

import io.vantaechonebula.telemetry.TelemetrySample;
import io.vantaechonebula.telemetry.outbox.Backoff;
import io.vantaechonebula.telemetry.outbox.Outbox;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The collector's rhythm, the same on the server and in {@code ./vanta node}: a tick every second
 * samples the node when its interval has passed (or at once when the node raised an alert, which
 * also sends without waiting for a full batch), then sends the batches that are due.
 */
public final class CollectorLoop {

    /** Samples in a full batch. */
    public static final int BATCH_SIZE = 50;
    /** The longest a sample waits for its batch to fill before it goes anyway. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(30);
    /** Time between ticks. */
    public static final long TICK_MILLIS = 1000;

    private final TelemetryCollector collector;
    private final long intervalMillis;
    private final BooleanSupplier alertRaised;
    private final Consumer<RuntimeException> sampleFailed;
    private long lastSampleMillis = Long.MIN_VALUE;

    /**
     * @param alertRaised  whether the node raised an alert since last asked: its telemetry goes out now
     * @param sampleFailed told when reading the node failed; sending goes on, and the next tick samples again
     */
    public CollectorLoop(TelemetryCollector collector, Duration interval, BooleanSupplier alertRaised,
                         Consumer<RuntimeException> sampleFailed) {
        if (interval.toMillis() < TICK_MILLIS) {
            throw new IllegalArgumentException("the telemetry interval is at least a second, not " + interval);
        }
        this.collector = collector;
        this.intervalMillis = interval.toMillis();
        this.alertRaised = alertRaised;
        this.sampleFailed = sampleFailed;
    }

    /** The outbox every collector uses: {@value #BATCH_SIZE} to a batch, backing off from a second to a minute. */
    public static Outbox<TelemetrySample> outbox(int capacity) {
        return new Outbox<>(capacity, BATCH_SIZE, MAX_WAIT,
                new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), ThreadLocalRandom.current()::nextDouble));
    }

    public void tick(long nowMillis) {
        boolean alert = alertRaised.getAsBoolean();
        if (alert) {
            collector.sendSoon();
        }
        if (alert || lastSampleMillis == Long.MIN_VALUE || nowMillis - lastSampleMillis >= intervalMillis) {
            lastSampleMillis = nowMillis;
            try {
                collector.sample(nowMillis);
            } catch (RuntimeException e) {
                sampleFailed.accept(e);
            }
        }
        collector.sendDue(nowMillis);
    }

    /** One last try for whatever waits, as if every batch's time had come; what the pool does not take is lost. */
    public void flush(long nowMillis) {
        collector.sendDue(nowMillis + MAX_WAIT.toMillis());
    }

    public TelemetryCollector collector() {
        return collector;
    }

    public long intervalMillis() {
        return intervalMillis;
    }
}
