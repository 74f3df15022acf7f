package io.vantaechonebula.chain.pow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HashRateMeterTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final HashRateMeter meter = new HashRateMeter(clock::get);

    @Test
    void averagesTheLastTenWholeSeconds() {
        for (int second = 0; second < 10; second++) {
            meter.record(2_000_000);
            clock.addAndGet(1_000);
        }
        assertThat(meter.perSecond()).isEqualTo(2_000_000.0);
    }

    @Test
    void leavesOutTheSecondStillRunningAndWhatIsOlderThanTheWindow() {
        meter.record(5_000_000);
        clock.addAndGet(1_000);
        meter.record(700);
        assertThat(meter.perSecond()).isEqualTo(500_000.0);

        clock.addAndGet(11_000);
        assertThat(meter.perSecond()).isZero();
    }

    @Test
    void aReusedSlotStartsFromZero() {
        meter.record(9_000);
        clock.addAndGet(10_000);
        meter.record(1_000);
        clock.addAndGet(1_000);
        assertThat(meter.perSecond()).isEqualTo(100.0);
    }
}
