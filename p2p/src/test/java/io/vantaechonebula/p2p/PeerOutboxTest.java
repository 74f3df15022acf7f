package io.vantaechonebula.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.p2p.gossip.Gossip;
import io.vantaechonebula.p2p.gossip.GossipKind;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PeerOutboxTest {

    private final PeerOutbox outbox = new PeerOutbox();

    @Test
    void p12_oneSenderAtATimeTakesTheMessagesInOrderUntilNoneIsLeft() {
        assertThat(outbox.offer(message(1))).as("the first message starts a sender").isTrue();
        assertThat(outbox.offer(message(2))).as("one is sending already").isFalse();

        assertThat(outbox.next().map(Gossip::id)).contains(message(1).id());
        assertThat(outbox.next().map(Gossip::id)).contains(message(2).id());
        assertThat(outbox.next()).isEmpty();
        assertThat(outbox.offer(message(3))).as("the sender stopped when none was left").isTrue();
    }

    @Test
    void p12_aFullOutboxDropsTheOldestAndSaysHowManyOnceAMinute() {
        for (int i = 0; i < PeerOutbox.MAX_MESSAGES + 5; i++) {
            outbox.offer(message(i));
        }

        assertThat(outbox.next().map(Gossip::id)).contains(message(5).id());
        assertThat(outbox.droppedToReport(0)).contains(5L);
        outbox.offer(message(-1));
        outbox.offer(message(-2));
        assertThat(outbox.droppedToReport(59_000)).as("reported a minute ago").isEmpty();
        assertThat(outbox.droppedToReport(60_000)).contains(1L);
    }

    @Test
    void p12_anOutboxHoldsAtMostItsBytes() {
        byte[] block = new byte[(int) (PeerOutbox.MAX_BYTES / 3)];
        for (int i = 0; i < 4; i++) {
            outbox.offer(new Gossip(GossipKind.BLOCK, "testnet", block));
        }
        int held = 0;
        for (Optional<Gossip> next = outbox.next(); next.isPresent(); next = outbox.next()) {
            held++;
        }
        assertThat(held).isEqualTo(3);
    }

    private static Gossip message(int n) {
        return new Gossip(GossipKind.TRANSACTION, "testnet", ByteBuffer.allocate(4).putInt(n).array());
    }
}
