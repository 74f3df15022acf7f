package io.vantaechonebula.pool.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Many callers, one writer: each caller's item waits in the queue and the caller blocks until it
 * is written; the writer takes whatever has arrived, up to {@code maxGroup} items, and writes them
 * together. If a group fails, its items are written one by one, so an item that cannot be written
 * fails only its own caller.
 *
 * @param <T> what is written
 */
final class CommitQueue<T> {

    private static final Logger LOG = Logger.getLogger(CommitQueue.class.getName());
    private static final long POLL_MS = 200;

    /** Writes the items in one transaction, in order, and answers a count for each. */
    private final Function<List<T>, int[]> writeGroup;
    private final int maxGroup;
    private final long waitSeconds;
    private final BlockingQueue<Request<T>> waiting = new LinkedBlockingQueue<>();
    private volatile boolean running = true;

    CommitQueue(Function<List<T>, int[]> writeGroup, int maxGroup, long waitSeconds) {
        this.writeGroup = writeGroup;
        this.maxGroup = maxGroup;
        this.waitSeconds = waitSeconds;
    }

    /**
     * Queues the item and returns its count once its group is written.
     *
     * @throws IllegalStateException if it was not written; then nothing of it was
     */
    int write(T item) {
        if (!running) {
            throw stopped();
        }
        Request<T> request = new Request<>(item, new CompletableFuture<>());
        waiting.add(request);
        try {
            return request.result.get(waitSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("Writing failed", e.getCause());
        } catch (TimeoutException e) {
            // It may still be written later; the sender's retry is then recognised as a duplicate.
            throw new IllegalStateException("Writing took longer than " + waitSeconds + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to be written", e);
        }
    }

    /** The writer's loop, on the thread that owns the writes, until {@link #stop()}. */
    void runWriter() {
        List<Request<T>> group = new ArrayList<>(maxGroup);
        while (running) {
            try {
                Request<T> first = waiting.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                waiting.drainTo(group, maxGroup - 1);
                write(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "The writer failed; its callers get the error", e);
                group.forEach(request -> request.result.completeExceptionally(e));
            } finally {
                group.clear();
            }
        }
    }

    /** Ends the writer's loop after its current group; callers still waiting get an error. */
    void stop() {
        running = false;
    }

    /** After the writer has ended: fails whoever still waits. */
    void failWaiting() {
        List<Request<T>> left = new ArrayList<>();
        waiting.drainTo(left);
        left.forEach(request -> request.result.completeExceptionally(stopped()));
    }

    /** Items waiting for the writer. */
    int waitingCount() {
        return waiting.size();
    }

    private void write(List<Request<T>> group) {
        try {
            int[] counts = writeGroup.apply(group.stream().map(Request::item).toList());
            for (int i = 0; i < counts.length; i++) {
                group.get(i).result.complete(counts[i]);
            }
        } catch (RuntimeException groupFailure) {
            if (group.size() == 1) {
                group.get(0).result.completeExceptionally(groupFailure);
                return;
            }
            for (Request<T> request : group) {
                try {
                    request.result.complete(writeGroup.apply(List.of(request.item))[0]);
                } catch (RuntimeException failure) {
                    request.result.completeExceptionally(failure);
                }
            }
        }
    }

    private static IllegalStateException stopped() {
        return new IllegalStateException("the pool is shutting down; the payload was not stored");
    }

    private record Request<T>(T item, CompletableFuture<Integer> result) {
    }
}
