package io.vantaechonebula.p2p.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.p2p.handshake.ChainHead;
import io.vantaechonebula.p2p.handshake.Hello;
import io.vantaechonebula.p2p.handshake.Refusal;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PeerTableTest {

    private static final long NOW = 1_800_000_000_000L;
    private final PeerTable table = new PeerTable(new PeerLimits(10, 60_000, 2, 4));

    private static Hello hello(Ed25519PrivateKey key, String address) {
        Hash genesis = Hash.sha256(new byte[] {1});
        return Hello.signed(key, 2, address, "basic", "vanta/test", List.of(new ChainHead("testnet", genesis, 0, genesis, BigInteger.TWO)), NOW);
    }

    private Peer admitted(Ed25519PrivateKey key, String address) {
        assertThat(table.admit(hello(key, address), "", PeerTable.hostOf(address), NOW)).isEmpty();
        return table.connected(key.publicKey().address().hex()).orElseThrow();
    }

    @Test
    void offencesCostTheirPriceAndGoodMessagesEarnPointsBackUpToTheMaximum() {
        Peer peer = admitted(Ed25519PrivateKey.generate(new SecureRandom()), "http://p:1");

        assertThat(table.penalise(peer, Offence.INVALID_TRANSACTION, "bad signature", NOW)).isFalse();
        assertThat(peer.reputation()).isEqualTo(90);
        for (int i = 0; i < 20; i++) {
            table.reward(peer);
        }
        assertThat(peer.reputation()).isEqualTo(Reputation.MAX);
    }

    @Test
    void aBanShutsOutTheNodeAndItsAddressUntilItEndsThenItStartsOnProbation() {
        Ed25519PrivateKey key = Ed25519PrivateKey.generate(new SecureRandom());
        Peer peer = admitted(key, "http://bad:1");

        table.penalise(peer, Offence.INVALID_BLOCK, "H7", NOW);
        assertThat(table.bans()).isZero();
        assertThat(table.penalise(peer, Offence.INVALID_BLOCK, "H7", NOW)).isTrue();

        assertThat(table.bans()).as("counted for the metrics").isEqualTo(1);
        assertThat(peer.state()).isEqualTo(PeerState.BANNED);
        assertThat(table.connected(peer.nodeId())).isEmpty();
        assertThat(table.admit(hello(key, "http://bad:1"), "", "bad", NOW + 59_999)).map(Refusal::reason).contains(Refusal.Reason.BANNED);
        Ed25519PrivateKey newKey = Ed25519PrivateKey.generate(new SecureRandom());
        assertThat(table.admit(hello(newKey, "http://bad:1"), "", "bad", NOW + 1)).as("a new key at the banned address")
                .map(Refusal::reason).contains(Refusal.Reason.BANNED);

        assertThat(table.admit(hello(key, "http://bad:1"), "", "bad", NOW + 60_000)).isEmpty();
        assertThat(peer.state()).isEqualTo(PeerState.CONNECTED);
        assertThat(peer.reputation()).isEqualTo(Reputation.AFTER_BAN);
    }

    @Test
    void aPeerMayRequestInBurstsUpToItsLimitThenAtItsRate() {
        Peer peer = admitted(Ed25519PrivateKey.generate(new SecureRandom()), "http://p:1");
        int taken = 0;
        while (table.takeRequest(peer, NOW)) {
            taken++;
        }
        assertThat(taken).isEqualTo(4);
        assertThat(table.takeRequest(peer, NOW + 499)).isFalse();
        assertThat(table.takeRequest(peer, NOW + 500)).as("two a second: one more after half a second").isTrue();
    }

    @Test
    void aKnownPeerComingBackIsAdmittedEvenWhenTheTableIsFull() {
        PeerTable one = new PeerTable(new PeerLimits(1, 60_000, 2, 4));
        Ed25519PrivateKey first = Ed25519PrivateKey.generate(new SecureRandom());
        assertThat(one.admit(hello(first, "http://a:1"), "http://a:1", "a", NOW)).isEmpty();

        assertThat(one.admit(hello(Ed25519PrivateKey.generate(new SecureRandom()), "http://b:1"), "", "b", NOW))
                .map(Refusal::reason).contains(Refusal.Reason.PEER_LIMIT);
        assertThat(one.admit(hello(first, "http://a:1"), "http://a:1", "a", NOW + 1)).isEmpty();
    }

    @Test
    void p8_aBanHitsTheHostTheSenderWasSeenAtNotTheAddressItClaims() {
        Ed25519PrivateKey liar = Ed25519PrivateKey.generate(new SecureRandom());
        // It claims an honest node's address, but calls from its own host.
        assertThat(table.admit(hello(liar, "http://honest:1"), "", "10.9.9.9", NOW)).isEmpty();
        Peer peer = table.connected(liar.publicKey().address().hex()).orElseThrow();
        table.penalise(peer, Offence.INVALID_BLOCK, "H7", NOW);
        assertThat(table.penalise(peer, Offence.INVALID_BLOCK, "H7", NOW)).isTrue();

        Ed25519PrivateKey honest = Ed25519PrivateKey.generate(new SecureRandom());
        assertThat(table.admit(hello(honest, "http://honest:1"), "", "10.1.1.1", NOW + 1)).as("the honest node is not shut out")
                .isEmpty();
        assertThat(table.isAddressBanned("http://honest:1", NOW + 1)).isFalse();
        assertThat(table.admit(hello(Ed25519PrivateKey.generate(new SecureRandom()), "http://elsewhere:1"), "", "10.9.9.9",
                NOW + 1)).as("a new key from the liar's host").map(Refusal::reason).contains(Refusal.Reason.BANNED);
        assertThat(table.isAddressBanned("http://10.9.9.9:8080", NOW + 1)).isTrue();
    }

    @Test
    void p8_aBanDoesNotShutOutTheLoopbackHostThisMachinesNodesShare() {
        Ed25519PrivateKey liar = Ed25519PrivateKey.generate(new SecureRandom());
        assertThat(table.admit(hello(liar, ""), "", "127.0.0.1", NOW)).isEmpty();
        Peer peer = table.connected(liar.publicKey().address().hex()).orElseThrow();
        table.penalise(peer, Offence.INVALID_BLOCK, "H7", NOW);
        table.penalise(peer, Offence.INVALID_BLOCK, "H7", NOW);

        assertThat(table.admit(hello(liar, ""), "", "127.0.0.1", NOW + 1)).as("the node id stays banned")
                .map(Refusal::reason).contains(Refusal.Reason.BANNED);
        assertThat(table.admit(hello(Ed25519PrivateKey.generate(new SecureRandom()), ""), "", "127.0.0.1", NOW + 1))
                .as("another node of this machine").isEmpty();
    }

    @Test
    void p7_freshKeysWithoutAnAddressCannotTakeTheSlotsThisNodeDialsNorKeepOutAUsefulCaller() {
        PeerTable ten = new PeerTable(new PeerLimits(10, 60_000, 2, 4));
        for (int i = 0; i < 12; i++) {
            Optional<Refusal> refusal = ten.admit(hello(Ed25519PrivateKey.generate(new SecureRandom()), ""), "", "127.0.0." + (i + 2),
                    NOW + i);
            assertThat(refusal).as("stranger %d", i).isEmpty();
        }
        assertThat(ten.connectedCount()).as("callers take at most all but a third").isEqualTo(ten.inboundLimit()).isEqualTo(7);

        Ed25519PrivateKey light = Ed25519PrivateKey.generate(new SecureRandom());
        assertThat(ten.admit(hello(light, "http://127.0.0.1:9001"), "", "127.0.0.1", NOW + 20)).as("a light node calling")
                .isEmpty();
        // The keeper dialled it back and it answered there (PeerKeeper); a claim alone keeps no slot.
        ten.connected(light.publicKey().address().hex()).orElseThrow().addressVerified("http://127.0.0.1:9001");
        Ed25519PrivateKey claimsOnly = Ed25519PrivateKey.generate(new SecureRandom());
        assertThat(ten.admit(hello(claimsOnly, "http://victim.example.org:80"), "", "127.0.0.1", NOW + 21)).isEmpty();
        for (int i = 0; i < 3; i++) {
            assertThat(ten.admit(hello(Ed25519PrivateKey.generate(new SecureRandom()), "http://d" + i + ":1"), "http://d" + i + ":1",
                    "d" + i, NOW + 30)).as("a node this node dials").isEmpty();
        }
        for (int i = 0; i < 12; i++) {
            ten.admit(hello(Ed25519PrivateKey.generate(new SecureRandom()), ""), "", "127.0.1." + i, NOW + 40 + i);
        }
        assertThat(ten.connected(light.publicKey().address().hex())).as("the caller with an address stays").isPresent();
        assertThat(ten.connected(claimsOnly.publicKey().address().hex())).as("a caller whose address is not verified goes")
                .isEmpty();
        assertThat(ten.dialledCount()).isEqualTo(3);
        assertThat(ten.connectedCount()).isLessThanOrEqualTo(10);
    }

    @Test
    void p7_oneHostTakesAtMostTwoOfTheSlotsOfCallersExceptThisMachinesLoopback() {
        PeerTable ten = new PeerTable(new PeerLimits(10, 60_000, 2, 4));
        for (int i = 0; i < PeerTable.INBOUND_PER_HOST; i++) {
            assertThat(ten.admit(hello(Ed25519PrivateKey.generate(new SecureRandom()), ""), "", "203.0.113.9", NOW + i))
                    .isEmpty();
        }
        Ed25519PrivateKey third = Ed25519PrivateKey.generate(new SecureRandom());
        assertThat(ten.admit(hello(third, ""), "", "203.0.113.9", NOW + 5)).as("a useless caller there makes room")
                .isEmpty();
        assertThat(ten.connectedCount()).isEqualTo(PeerTable.INBOUND_PER_HOST);

        ten.connectedPeers().forEach(ten::reward);
        assertThat(ten.admit(hello(Ed25519PrivateKey.generate(new SecureRandom()), ""), "", "203.0.113.9", NOW + 6))
                .as("both callers there brought blocks").map(Refusal::reason).contains(Refusal.Reason.PEER_LIMIT);
        assertThat(ten.admit(hello(Ed25519PrivateKey.generate(new SecureRandom()), ""), "", "203.0.113.10", NOW + 7))
                .as("another host").isEmpty();
        for (int i = 0; i < 4; i++) {
            assertThat(ten.admit(hello(Ed25519PrivateKey.generate(new SecureRandom()), ""), "", "127.0.0.1", NOW + 8 + i))
                    .as("this machine's nodes").isEmpty();
        }
    }

    @Test
    void p7_aClaimGivenUpOnIsTakenUpAgainByTheHellosThatRepeatItOnlyAMinuteLaterButANewOneAtOnce() {
        Ed25519PrivateKey caller = Ed25519PrivateKey.generate(new SecureRandom());
        table.admit(hello(caller, "http://nowhere.example.org:9101"), "", "203.0.113.7", NOW);
        Peer peer = table.connected(caller.publicKey().address().hex()).orElseThrow();
        assertThat(peer.firstCallBack()).as("called back as the hello arrives").isTrue();
        assertThat(peer.firstCallBack()).as("once").isFalse();
        for (int i = 0; i < 3; i++) {
            peer.addressNotVerified(3, NOW);
        }
        assertThat(peer.addressToVerify()).isEmpty();

        table.admit(hello(caller, "http://nowhere.example.org:9101"), "", "203.0.113.7", NOW + 1);
        assertThat(peer.addressToVerify()).as("its next ping repeats the claim").isEmpty();
        table.admit(hello(caller, "http://nowhere.example.org:9101"), "", "203.0.113.7", NOW + Peer.CLAIM_RETRY_MS);
        assertThat(peer.addressToVerify()).as("a minute later: it may have been paused").isPresent();
        for (int i = 0; i < 3; i++) {
            peer.addressNotVerified(3, NOW + Peer.CLAIM_RETRY_MS);
        }
        table.admit(hello(caller, "http://somewhere.example.org:9101"), "", "203.0.113.7", NOW + Peer.CLAIM_RETRY_MS + 1);
        assertThat(peer.addressToVerify()).contains("http://somewhere.example.org:9101");
        assertThat(peer.firstCallBack()).isTrue();
    }

    @Test
    void p11_theTableForgetsTheLongestUnseenPeerOnceItKnowsItsMost() {
        PeerTable big = new PeerTable(new PeerLimits(PeerTable.MAX_KNOWN + 10, 60_000, 2, 4));
        String first = null;
        for (int i = 0; i <= PeerTable.MAX_KNOWN; i++) {
            Ed25519PrivateKey key = Ed25519PrivateKey.generate(new SecureRandom());
            assertThat(big.admit(hello(key, "http://n" + i + ":1"), "", "n" + i, NOW + i)).isEmpty();
            Peer peer = big.connected(key.publicKey().address().hex()).orElseThrow();
            big.unreachable(peer, "gone");
            first = first == null ? peer.nodeId() : first;
        }
        assertThat(big.views(NOW + PeerTable.MAX_KNOWN + 1)).hasSize(PeerTable.MAX_KNOWN);
        assertThat(big.known(first)).as("the longest unseen is forgotten").isEmpty();
    }
}
