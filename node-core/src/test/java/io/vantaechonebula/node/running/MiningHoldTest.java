package io.vantaechonebula.node.running;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MiningHoldTest {

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final AtomicInteger asked = new AtomicInteger();
    private Optional<String> answer = Optional.of("12 blocks behind its peers");
    private final MiningHold hold = new MiningHold("testnet", clock::get);

    MiningHoldTest() {
        hold.follow(() -> {
            asked.incrementAndGet();
            return answer;
        });
    }

    @Test
    void theReasonIsAskedAtMostOnceASecondWhateverTheMinersAsking() {
        assertThat(hold.reason()).contains("12 blocks behind its peers");
        answer = Optional.empty();
        clock.addAndGet(999);
        assertThat(hold.reason()).as("still the answer of a moment ago").isPresent();
        assertThat(asked).hasValue(1);

        clock.addAndGet(1);
        assertThat(hold.reason()).as("caught up").isEmpty();
        assertThat(asked).hasValue(2);
    }

    @Test
    void withNothingToFollowMinersMine() {
        assertThat(new MiningHold("testnet", clock::get).reason()).isEmpty();
    }
}
