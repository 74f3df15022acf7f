package io.vantaechonebula.web.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SharedReadingTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final AtomicInteger reads = new AtomicInteger();
    private final Deque<Runnable> background = new ArrayDeque<>();
    private boolean failing;

    private final SharedReading<Integer> shared = new SharedReading<>(() -> {
        if (failing) {
            throw new IllegalStateException("the database is away");
        }
        return reads.incrementAndGet();
    }, background::add, now::get, 5_000, 60_000);

    @Test
    void theFirstViewerWaitsForTheReadingAndTheNextOnesShareIt() {
        assertThat(shared.get()).isEqualTo(new SharedReading.Reading<>(1, 1_000_000));
        now.addAndGet(4_000);
        assertThat(shared.get().value()).isEqualTo(1);
        assertThat(reads).hasValue(1);
        assertThat(background).isEmpty();
    }

    @Test
    void anOlderReadingIsAnsweredWhileOneBackgroundTaskReadsAgain() {
        shared.get();
        now.addAndGet(6_000);
        assertThat(shared.get().value()).as("the last reading, not waited for").isEqualTo(1);
        assertThat(shared.get().value()).isEqualTo(1);
        assertThat(background).as("one reading under way, however many viewers ask").hasSize(1);

        background.poll().run();
        assertThat(shared.get()).isEqualTo(new SharedReading.Reading<>(2, 1_006_000));
        assertThat(background).isEmpty();
    }

    @Test
    void aReadingNobodyAskedForInAMinuteIsReadAgainBeforeTheAnswer() {
        shared.get();
        now.addAndGet(60_001);
        assertThat(shared.get()).isEqualTo(new SharedReading.Reading<>(2, 1_060_001));
        assertThat(background).isEmpty();
    }

    @Test
    void aFailedBackgroundReadingKeepsTheLastAndIsTriedAgainAtTheNextRequest() {
        shared.get();
        now.addAndGet(6_000);
        failing = true;
        shared.get();
        background.poll().run();
        assertThat(shared.get().value()).isEqualTo(1);
        assertThat(background).as("tried again").hasSize(1);
        failing = false;
        background.poll().run();
        assertThat(shared.get().value()).isEqualTo(2);
    }

    @Test
    void aFirstReadingThatFailsFailsTheRequest() {
        failing = true;
        assertThatThrownBy(shared::get).hasMessageContaining("the database is away");
    }

    @Test
    void agesMustBeOrdered() {
        assertThatThrownBy(() -> new SharedReading<>(() -> 1, Runnable::run, now::get, 0, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SharedReading<>(() -> 1, Runnable::run, now::get, 10, 5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
