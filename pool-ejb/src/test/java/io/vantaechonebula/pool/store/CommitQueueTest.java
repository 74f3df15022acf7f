package io.vantaechonebula.pool.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CommitQueueTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    /** Every group the writer was handed, in order. */
    private final List<List<String>> groups = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Void> release = new CompletableFuture<>();
    private CommitQueue<String> queue;

    @AfterEach
    void stop() throws InterruptedException {
        if (queue != null) {
            queue.stop();
        }
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Each item's count is its length; an item named "bad" makes its whole group fail. */
    private static int[] lengths(List<String> items) {
        if (items.contains("bad")) {
            throw new IllegalArgumentException("bad item");
        }
        return items.stream().mapToInt(String::length).toArray();
    }

    private void startWriter(Function<List<String>, int[]> write, int maxGroup) {
        queue = new CommitQueue<>(items -> {
            groups.add(List.copyOf(items));
            return write.apply(items);
        }, maxGroup, 10);
        threads.execute(queue::runWriter);
    }

    /**
     * Starts the writer and has it take the item "first" and hold it until {@link #release}
     * completes, so that the items written meanwhile queue up behind it.
     */
    private Future<Integer> startWriterHeldOnFirstItem(int maxGroup) throws InterruptedException {
        CountDownLatch writerBusy = new CountDownLatch(1);
        startWriter(items -> {
            if (items.contains("first")) {
                writerBusy.countDown();
                release.join();
            }
            return lengths(items);
        }, maxGroup);
        Future<Integer> first = threads.submit(() -> queue.write("first"));
        assertThat(writerBusy.await(5, TimeUnit.SECONDS)).isTrue();
        return first;
    }

    private List<Future<Integer>> writeAll(List<String> items) {
        return items.stream().map(item -> threads.submit(() -> queue.write(item))).toList();
    }

    @Test
    void callersThatArriveTogetherShareAGroupAndEachGetsItsOwnCount() throws Exception {
        Future<Integer> first = startWriterHeldOnFirstItem(64);
        List<String> items = List.of("a", "bb", "ccc", "dddd", "eeeee");
        List<Future<Integer>> results = writeAll(items);
        while (queueDepth() < items.size()) {
            Thread.sleep(5);
        }
        release.complete(null);

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(5);
        for (int i = 0; i < items.size(); i++) {
            assertThat(results.get(i).get(5, TimeUnit.SECONDS)).isEqualTo(items.get(i).length());
        }
        assertThat(groups).hasSize(2);
        assertThat(groups.get(1)).containsExactlyInAnyOrderElementsOf(items);
    }

    @Test
    void aGroupIsNeverLargerThanTheLimit() throws Exception {
        startWriterHeldOnFirstItem(3);
        List<Future<Integer>> results = writeAll(List.of("a", "b", "c", "d", "e", "f", "g"));
        while (queueDepth() < 7) {
            Thread.sleep(5);
        }
        release.complete(null);
        for (Future<Integer> result : results) {
            assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(groups.subList(1, groups.size())).extracting(List::size).containsExactly(3, 3, 1);
    }

    @Test
    void aFailedGroupIsWrittenOneByOneSoOnlyTheBadItemFails() throws Exception {
        startWriterHeldOnFirstItem(64);
        Future<Integer> good = threads.submit(() -> queue.write("good"));
        Future<Integer> bad = threads.submit(() -> queue.write("bad"));
        Future<Integer> fine = threads.submit(() -> queue.write("fine!"));
        while (queueDepth() < 3) {
            Thread.sleep(5);
        }
        release.complete(null);

        assertThat(good.get(5, TimeUnit.SECONDS)).isEqualTo(4);
        assertThat(fine.get(5, TimeUnit.SECONDS)).isEqualTo(5);
        assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad item");
        // The shared group, then each item alone.
        assertThat(groups.subList(1, groups.size())).extracting(List::size).containsExactly(3, 1, 1, 1);
    }

    @Test
    void afterStopNewItemsAreRefusedAndWaitingCallersFail() throws Exception {
        queue = new CommitQueue<>(CommitQueueTest::lengths, 64, 10);
        // No writer runs: the item waits until the queue is stopped.
        Future<Integer> waiting = threads.submit(() -> queue.write("waiting"));
        while (queueDepth() < 1) {
            Thread.sleep(5);
        }
        queue.stop();
        queue.failWaiting();

        assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).hasMessageContaining("shutting down");
        assertThatThrownBy(() -> queue.write("late")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not stored");
    }

    private int queueDepth() {
        return queue.waitingCount();
    }
}
