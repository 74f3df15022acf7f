package io.vantaechonebula.telemetry.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OutboxTest {

    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    /** Backoff without jitter: always the top of the range. */
    private final Outbox<Integer> outbox = new Outbox<>(120, 50, MAX_WAIT,
            new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.999_999));

    @Test
    void aBatchIsDueAtFiftySamplesAndNotBefore() {
        IntStream.range(0, 49).forEach(i -> outbox.add(i, 0));
        assertThat(outbox.takeDue(1_000)).isEmpty();

        outbox.add(49, 1_000);
        outbox.add(50, 1_000);

        assertThat(outbox.takeDue(1_000).orElseThrow().samples()).containsExactlyElementsOf(range(0, 50));
        assertThat(outbox.size()).isOne();
    }

    @Test
    void fewerAreDueOnceTheOldestHasWaitedThirtySeconds() {
        outbox.add(1, 0);
        outbox.add(2, 20_000);
        assertThat(outbox.takeDue(29_999)).isEmpty();
        assertThat(outbox.takeDue(30_000).orElseThrow().samples()).containsExactly(1, 2);
        assertThat(outbox.takeDue(90_000)).isEmpty();
    }

    @Test
    void expeditedSamplesAreDueAtOnceButNotDuringABackoff() {
        outbox.add(1, 0);
        outbox.expedite();
        assertThat(outbox.takeDue(1).orElseThrow().samples()).containsExactly(1);
        outbox.add(2, 2);
        assertThat(outbox.takeDue(3)).as("expediting lasts for one batch").isEmpty();

        Outbox.Batch<Integer> refused = outbox.takeDue(30_002).orElseThrow();
        long delay = outbox.failed(refused, 30_002);
        outbox.expedite();
        assertThat(outbox.takeDue(30_003)).isEmpty();
        assertThat(outbox.takeDue(30_002 + delay).orElseThrow().samples()).containsExactly(2);
    }

    @Test
    void aRefusedBatchComesBackFirstInOrderAfterTheBackoff() {
        IntStream.range(0, 50).forEach(i -> outbox.add(i, 0));
        Outbox.Batch<Integer> batch = outbox.takeDue(0).orElseThrow();
        outbox.add(50, 100);

        long delay = outbox.failed(batch, 100);

        assertThat(delay).isBetween(999L, 1_000L);
        assertThat(outbox.takeDue(100 + delay - 1)).isEmpty();
        Outbox.Batch<Integer> again = outbox.takeDue(100 + delay).orElseThrow();
        assertThat(again.samples()).containsExactlyElementsOf(range(0, 50));
        assertThat(outbox.failuresInARow()).isOne();

        outbox.sent();
        assertThat(outbox.failuresInARow()).isZero();
        assertThat(outbox.takeDue(30_099)).isEmpty();
        assertThat(outbox.takeDue(30_100).orElseThrow().samples()).containsExactly(50);
    }

    @Test
    void whenFullTheOldestGoAndAreCountedEvenFromARefusedBatch() {
        IntStream.range(0, 100).forEach(i -> outbox.add(i, 0));
        Outbox.Batch<Integer> batch = outbox.takeDue(0).orElseThrow();
        IntStream.range(100, 170).forEach(i -> outbox.add(i, 0));
        assertThat(outbox.dropped()).isZero();

        outbox.failed(batch, 0);

        assertThat(outbox.size()).isEqualTo(120);
        assertThat(outbox.dropped()).isEqualTo(50);
        assertThat(outbox.takeDue(60_000).orElseThrow().samples()).containsExactlyElementsOf(range(50, 100));
    }

    @Test
    void refusesABatchLargerThanTheBuffer() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Outbox<Integer>(10, 50, MAX_WAIT,
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), () -> 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch size <= capacity");
    }

    private static java.util.List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }
}
