package io.vantaechonebula.p2p.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.genesis.Genesis;
import io.vantaechonebula.chain.fork.TestChains;
import io.vantaechonebula.p2p.sync.SyncBatch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A sync answer read as it arrives: decoded a block at a time, cut off past its size or its time. */
class StreamedBlocksTest {

    private static final Block GENESIS = Genesis.block(TestChains.params());

    @Test
    void decodesTheBlocksAndCertificatesOfAnAnswerAndSkipsWhatItDoesNotKnow() throws Exception {
        String answer = "{\"note\":{\"a\":[1,2]},\"blocks\":[\"" + base64(GENESIS) + "\",\"" + base64(GENESIS)
                + "\"],\"extra\":[{\"b\":1}],\"certificates\":[]}";

        SyncBatch batch = WireJson.blocks(stream(answer), 10);

        assertThat(batch.blocks()).extracting(Block::hash).containsExactly(GENESIS.hash(), GENESIS.hash());
        assertThat(batch.certificates()).isEmpty();
        assertThat(WireJson.blocks(stream(WireJson.blocks(new SyncBatch(List.of(GENESIS), List.of())).toString()), 1)
                .blocks()).extracting(Block::hash).containsExactly(GENESIS.hash());
    }

    @Test
    void refusesAnAnswerThatIsNotABlocksAnswer() {
        assertRefused("{\"blocks\":[\"" + base64(GENESIS) + "\",\"" + base64(GENESIS) + "\"]}", 1,
                "more than the 1 blocks asked for");
        assertRefused("{\"blocks\":[42]}", 10, "blocks[0] must be a base64 string");
        assertRefused("{\"blocks\":[\"not base64!\"]}", 10, "blocks[0]");
        assertRefused("{\"blocks\":[\"AAAA\"]}", 10, "blocks[0] does not decode");
        assertRefused("{\"blocks\":\"AAAA\"}", 10, "blocks must be an array");
        assertRefused("{\"certificates\":[]}", 10, "blocks is missing");
        assertRefused("[1,2]", 10, "not a JSON object");
        assertRefused("{\"blocks\":[\"" + base64(GENESIS) + "\"", 10, "not a blocks answer");
        assertRefused("{\"blocks\":[],\"certificates\":[\"AAAA\"]}", 10, "certificates[0] does not decode");
    }

    @Test
    void deliversTheAnswerAsItArrivesAndAsksForMoreOnlyAsItIsRead() throws Exception {
        StreamedAnswer answer = new StreamedAnswer(1_000, System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
        AtomicLong requested = new AtomicLong();
        answer.onSubscribe(subscription(requested, new AtomicBoolean()));
        answer.onNext(List.of(bytes("{\"blo"), bytes("cks\":")));
        answer.onNext(List.of(bytes("[]}")));
        answer.onComplete();

        assertThat(requested).as("one piece asked for before reading").hasValue(1);
        assertThat(new String(answer.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"blocks\":[]}");
        assertThat(answer.bytesRead()).isEqualTo(13);
        assertThat(answer.failure()).isEmpty();
    }

    @Test
    void anAnswerLongerThanItsLimitFailsAndStopsTheDelivery() {
        StreamedAnswer answer = new StreamedAnswer(8, System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
        AtomicBoolean cancelled = new AtomicBoolean();
        answer.onSubscribe(subscription(new AtomicLong(), cancelled));
        answer.onNext(List.of(bytes("0123456789")));

        assertThatThrownBy(answer::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("longer than the 8 bytes");
        assertThat(cancelled).isTrue();
        assertThat(answer.failure()).hasValueSatisfying(why -> assertThat(why).contains("longer than the 8 bytes"));
    }

    @Test
    void p12_anAnswerThatDoesNotArriveInTimeFails() {
        StreamedAnswer answer = new StreamedAnswer(1_000, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200));
        AtomicBoolean cancelled = new AtomicBoolean();
        answer.onSubscribe(subscription(new AtomicLong(), cancelled));
        answer.onNext(List.of(bytes("{\"blocks\":")));

        assertThatThrownBy(() -> WireJson.blocks(answer, 10)).isInstanceOf(MalformedMessageException.class);
        assertThat(answer.failure()).hasValue("no whole answer within the call's time");
        assertThat(cancelled).isTrue();
    }

    @Test
    void theConnectionsErrorEndsTheRead() {
        StreamedAnswer answer = new StreamedAnswer(1_000, System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
        answer.onSubscribe(subscription(new AtomicLong(), new AtomicBoolean()));
        answer.onError(new IOException("connection reset"));

        assertThatThrownBy(answer::read).isInstanceOf(IOException.class).hasMessage("connection reset");
        assertThat(answer.failure()).hasValue("connection reset");
    }

    private static void assertRefused(String answer, int max, String why) {
        assertThatThrownBy(() -> WireJson.blocks(stream(answer), max)).as(answer)
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining(why);
    }

    private static Flow.Subscription subscription(AtomicLong requested, AtomicBoolean cancelled) {
        return new Flow.Subscription() {
            @Override
            public void request(long n) {
                requested.addAndGet(n);
            }

            @Override
            public void cancel() {
                cancelled.set(true);
            }
        };
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String base64(Block block) {
        return java.util.Base64.getEncoder().encodeToString(block.encode());
    }
}
