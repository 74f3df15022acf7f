package io.vantaechonebula.web.network;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A costly reading shared by every viewer of a page. A reading younger than {@code freshMs} is answered
 * as it is; an older one is answered too, while one background task reads again; one older than
 * {@code staleMs} (nobody asked for a while) is read again before the answer. So however many
 * viewers poll, the reading is taken at most once per {@code freshMs}, and a poll never waits on it.
 */
public final class SharedReading<T> {

    private static final Logger LOG = Logger.getLogger(SharedReading.class.getName());

    /** A value and when it was read. */
    public record Reading<T>(T value, long atMs) {
    }

    private final Supplier<T> read;
    private final Executor background;
    private final LongSupplier clock;
    private final long freshMs;
    private final long staleMs;
    private final AtomicReference<Reading<T>> last = new AtomicReference<>();
    private final AtomicBoolean reading = new AtomicBoolean();

    SharedReading(Supplier<T> read, Executor background, LongSupplier clock, long freshMs, long staleMs) {
        if (freshMs <= 0 || staleMs < freshMs) {
            throw new IllegalArgumentException("need 0 < freshMs <= staleMs, got " + freshMs + " and " + staleMs);
        }
        this.read = Objects.requireNonNull(read);
        this.background = Objects.requireNonNull(background);
        this.clock = Objects.requireNonNull(clock);
        this.freshMs = freshMs;
        this.staleMs = staleMs;
    }

    Reading<T> get() {
        Reading<T> known = last.get();
        long age = known == null ? Long.MAX_VALUE : clock.getAsLong() - known.atMs();
        if (age > staleMs) {
            return readNow();
        }
        if (age > freshMs && reading.compareAndSet(false, true)) {
            try {
                background.execute(this::readInBackground);
            } catch (RuntimeException e) {
                reading.set(false);
                LOG.log(Level.WARNING, "Could not start reading again in the background; the next request tries again", e);
            }
        }
        return known;
    }

    private Reading<T> readNow() {
        Reading<T> fresh = new Reading<>(read.get(), clock.getAsLong());
        last.set(fresh);
        return fresh;
    }

    private void readInBackground() {
        try {
            readNow();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reading again in the background failed; the last reading stays until the next try", e);
        } finally {
            reading.set(false);
        }
    }
}
