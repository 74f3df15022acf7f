package io.vantaechonebula.p2p.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.Hash;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HelloCheckTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final Hash GENESIS = Hash.sha256(new byte[] {1});
    private static final ChainHead TESTNET = new ChainHead("testnet", GENESIS, 10, Hash.sha256(new byte[] {2}), BigInteger.TEN);
    private final Ed25519PrivateKey us = Ed25519PrivateKey.generate(new SecureRandom());
    private final Ed25519PrivateKey them = Ed25519PrivateKey.generate(new SecureRandom());
    private final HelloCheck check = new HelloCheck(60_000);
    private final Hello ours = hello(us, 1, List.of(TESTNET), NOW);

    private static Hello hello(Ed25519PrivateKey key, int version, List<ChainHead> chains, long time) {
        return Hello.signed(key, version, "http://127.0.0.1:9101", "basic", "vanta/test", chains, time);
    }

    private Optional<Refusal.Reason> reasonFor(Hello theirs) {
        return check.check(ours, theirs, NOW).map(Refusal::reason);
    }

    @Test
    void takesACompatibleHello() {
        assertThat(check.check(ours, hello(them, 1, List.of(TESTNET), NOW + 59_000), NOW)).isEmpty();
    }

    @Test
    void h1RefusesAHelloWhoseSignatureOrNodeIdIsNotItsKeys() {
        Hello genuine = hello(them, 1, List.of(TESTNET), NOW);
        Hello otherHeight = new Hello(1, genuine.nodeId(), genuine.publicKey(), genuine.address(), genuine.mode(),
                genuine.software(), List.of(new ChainHead("testnet", GENESIS, 11, TESTNET.head(), BigInteger.TEN)), NOW, genuine.signature());
        Hello otherId = new Hello(1, us.publicKey().address().hex(), genuine.publicKey(), genuine.address(), genuine.mode(),
                genuine.software(), genuine.chains(), NOW, genuine.signature());

        assertThat(reasonFor(otherHeight)).contains(Refusal.Reason.NOT_AUTHENTIC);
        assertThat(reasonFor(otherId)).contains(Refusal.Reason.NOT_AUTHENTIC);
    }

    @Test
    void h2RefusesItself() {
        assertThat(reasonFor(hello(us, 1, List.of(TESTNET), NOW))).contains(Refusal.Reason.SELF);
    }

    @Test
    void h3RefusesAnotherProtocolVersion() {
        Optional<Refusal> refusal = check.check(ours, hello(them, 2, List.of(TESTNET), NOW), NOW);
        assertThat(refusal).hasValueSatisfying(r -> {
            assertThat(r.reason()).isEqualTo(Refusal.Reason.VERSION);
            assertThat(r.detail()).contains("protocol version 2").contains("speaks 1");
        });
    }

    @Test
    void h4RefusesAClockTooFarOff() {
        assertThat(reasonFor(hello(them, 1, List.of(TESTNET), NOW - 61_000))).contains(Refusal.Reason.CLOCK);
    }

    @Test
    void h5RefusesAnotherGenesisOrNoChainInCommon() {
        ChainHead otherGenesis = new ChainHead("testnet", Hash.sha256(new byte[] {9}), 3, Hash.sha256(new byte[] {3}), BigInteger.TEN);
        ChainHead mainnet = new ChainHead("mainnet", Hash.sha256(new byte[] {4}), 3, Hash.sha256(new byte[] {5}), BigInteger.TEN);

        assertThat(reasonFor(hello(them, 1, List.of(mainnet, otherGenesis), NOW))).contains(Refusal.Reason.GENESIS);
        assertThat(reasonFor(hello(them, 1, List.of(mainnet), NOW))).contains(Refusal.Reason.NO_SHARED_CHAIN);
        assertThat(reasonFor(hello(them, 1, List.of(mainnet, TESTNET), NOW))).isEmpty();
    }
}
