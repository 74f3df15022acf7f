package io.vantaechonebula.telemetry.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vantaechonebula.telemetry.host.ProcessSampler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CollectorLoopTest {

    private static final long START = 1_763_800_000_000L;

    private final List<Integer> batchesSent = new ArrayList<>();
    private final AtomicInteger readings = new AtomicInteger();
    private final AtomicBoolean alert = new AtomicBoolean();
    private final List<RuntimeException> failures = new ArrayList<>();
    private volatile RuntimeException readingFails;

    private final TelemetryCollector collector = new TelemetryCollector("node-a", "basic", () -> {
        if (readingFails != null) {
            throw readingFails;
        }
        readings.incrementAndGet();
        return List.of(new ChainReading("testnet", 7, 0, 0, 0));
    }, () -> PeerReading.NONE, new ProcessSampler(), new AtomicLong()::getAndIncrement, CollectorLoop.outbox(100),
            (nodeId, kind, payload) -> {
                batchesSent.add(payload.getInt("batch_size"));
                return "taken";
            });
    private final CollectorLoop loop = new CollectorLoop(collector, Duration.ofSeconds(5), alert::get, failures::add);

    @Test
    void samplesAtTheFirstTickAndThenOncePerInterval() {
        for (long second = 0; second < 12; second++) {
            loop.tick(START + second * 1000);
        }
        assertThat(readings).hasValue(3);
        assertThat(batchesSent).as("fewer than a batch, none waited 30 s yet").isEmpty();
    }

    @Test
    void anAlertSamplesAtOnceAndSendsWithoutWaitingForAFullBatch() {
        loop.tick(START);
        alert.set(true);
        loop.tick(START + 1000);

        assertThat(readings).hasValue(2);
        assertThat(batchesSent).containsExactly(2);
    }

    @Test
    void aFailedReadingIsToldAndWhatWaitsStillGoesOut() {
        loop.tick(START);
        readingFails = new IllegalStateException("the local node does not answer");
        loop.tick(START + 30_000);

        assertThat(failures).extracting(Throwable::getMessage).containsExactly("the local node does not answer");
        assertThat(batchesSent).as("the first sample waited 30 s").containsExactly(1);
    }

    @Test
    void aFlushSendsWhatWaitsAsIfItsTimeHadCome() {
        loop.tick(START);
        loop.flush(START + 1);
        assertThat(batchesSent).containsExactly(1);
    }

    @Test
    void anIntervalUnderASecondIsRefused() {
        assertThatThrownBy(() -> new CollectorLoop(collector, Duration.ofMillis(500), alert::get, failures::add))
                .hasMessageContaining("at least a second");
    }
}
