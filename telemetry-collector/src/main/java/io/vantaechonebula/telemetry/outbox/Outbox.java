package io.vantaechonebula.telemetry.outbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Samples waiting to be sent, oldest first. A batch is due when {@code batchSize} samples wait or
 * the oldest waiting one has waited {@code maxWait}, and no retry delay is running. A batch the
 * pool did not take goes back to the front, in order, and the next try waits for the backoff.
 * The buffer holds at most {@code capacity} samples: beyond that the oldest go, and are counted,
 * so a node cut off from the pool keeps its most recent history. Safe for one producer and one
 * sender thread.
 */
public final class Outbox<T> {

    private final int capacity;
    private final int batchSize;
    private final long maxWaitMillis;
    private final Backoff backoff;
    private final Deque<Waiting<T>> waiting = new ArrayDeque<>();
    private long dropped;
    private long retryAtMillis = Long.MIN_VALUE;
    private boolean expedited;

    private record Waiting<T>(T sample, long sinceMillis) {
    }

    public Outbox(int capacity, int batchSize, Duration maxWait, Backoff backoff) {
        if (batchSize < 1 || capacity < batchSize) {
            throw new IllegalArgumentException("An outbox needs 1 <= batch size <= capacity, not batch " + batchSize
                    + " and capacity " + capacity);
        }
        this.capacity = capacity;
        this.batchSize = batchSize;
        this.maxWaitMillis = maxWait.toMillis();
        this.backoff = backoff;
    }

    public synchronized void add(T sample, long nowMillis) {
        waiting.addLast(new Waiting<>(sample, nowMillis));
        dropOverflow();
    }

    /** Takes the next batch out if one is due; give it back with {@link #failed} if the pool refuses it. */
    public synchronized Optional<Batch<T>> takeDue(long nowMillis) {
        if (waiting.isEmpty() || nowMillis < retryAtMillis) {
            return Optional.empty();
        }
        if (!expedited && waiting.size() < batchSize && nowMillis - waiting.peekFirst().sinceMillis() < maxWaitMillis) {
            return Optional.empty();
        }
        expedited = false;
        List<Waiting<T>> taken = new ArrayList<>(Math.min(batchSize, waiting.size()));
        while (taken.size() < batchSize && !waiting.isEmpty()) {
            taken.add(waiting.pollFirst());
        }
        return Optional.of(new Batch<>(taken));
    }

    /** Makes what waits due now, however few, unless a retry delay runs: for news that should not wait. */
    public synchronized void expedite() {
        expedited = true;
    }

    /** The pool took the batch: the next failure starts the backoff afresh. */
    public synchronized void sent() {
        backoff.reset();
        retryAtMillis = Long.MIN_VALUE;
    }

    /**
     * The pool did not take the batch: it goes back in front of what came since, and nothing is
     * due before the backoff delay has passed.
     *
     * @return the delay, in milliseconds
     */
    public synchronized long failed(Batch<T> batch, long nowMillis) {
        for (int i = batch.entries.size() - 1; i >= 0; i--) {
            waiting.addFirst(batch.entries.get(i));
        }
        dropOverflow();
        long delay = backoff.nextDelayMillis();
        retryAtMillis = nowMillis + delay;
        return delay;
    }

    public synchronized int size() {
        return waiting.size();
    }

    /** Samples dropped, oldest first, because the buffer was full. */
    public synchronized long dropped() {
        return dropped;
    }

    /** Failures in a row since the last batch the pool took. */
    public synchronized int failuresInARow() {
        return backoff.failures();
    }

    private void dropOverflow() {
        while (waiting.size() > capacity) {
            waiting.pollFirst();
            dropped++;
        }
    }

    /** Samples taken out together, to be sent as one. */
    public static final class Batch<T> {
        private final List<Waiting<T>> entries;

        private Batch(List<Waiting<T>> entries) {
            this.entries = entries;
        }

        public List<T> samples() {
            return entries.stream().map(Waiting::sample).toList();
        }
    }
}
