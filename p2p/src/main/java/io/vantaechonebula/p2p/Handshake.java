package io.vantaechonebula.p2p;

import io.vantaechonebula.chain.encoding.LogText;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.p2p.handshake.Hello;
import io.vantaechonebula.p2p.handshake.HelloCheck;
import io.vantaechonebula.p2p.handshake.Refusal;
import io.vantaechonebula.p2p.handshake.SignedRequest;
import io.vantaechonebula.p2p.peer.Offence;
import io.vantaechonebula.p2p.peer.Peer;
import io.vantaechonebula.p2p.peer.PeerTable;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Who a peer is (docs/p2p-spec.md §2–3): this node's signed hello, the checks on another's (H1–H5, then
 * the peer limit and bans), and the signature and rate of each request a connected peer makes.
 */
final class Handshake {

    private static final Logger LOG = Logger.getLogger(Handshake.class.getName());

    private final NetworkSettings settings;
    private final Ed25519PrivateKey key;
    private final LocalChains chains;
    private final LongSupplier clock;
    private final PeerTable peers;
    private final HelloCheck check;

    Handshake(NetworkSettings settings, Ed25519PrivateKey key, LocalChains chains, LongSupplier clock, PeerTable peers) {
        this.settings = settings;
        this.key = key;
        this.chains = chains;
        this.clock = clock;
        this.peers = peers;
        this.check = new HelloCheck(settings.maxClockSkewMs());
    }

    String nodeId() {
        return key.publicKey().address().hex();
    }

    Hello hello() {
        return Hello.signed(key, Network.PROTOCOL_VERSION, settings.ownAddress(), settings.mode(), settings.software(),
                chains.heads(), clock.getAsLong());
    }

    /** Why the hello another node gave (in answer to ours, or dialled at the address) is not taken, if it is not. */
    Optional<Refusal> refusal(Hello ours, Hello theirs, String dialledAddress) {
        return refusal(ours, theirs, dialledAddress, dialledAddress.isEmpty() ? "" : PeerTable.hostOf(dialledAddress));
    }

    private Optional<Refusal> refusal(Hello ours, Hello theirs, String dialledAddress, String observedHost) {
        long now = clock.getAsLong();
        return check.check(ours, theirs, now).or(() -> peers.admit(theirs, dialledAddress, observedHost, now));
    }

    /** @param observedHost the host the hello came from, as the connection shows it; empty when not known */
    Hello onHello(Hello theirs, String observedHost) throws RefusedException {
        Hello ours = hello();
        Optional<Refusal> refusal = refusal(ours, theirs, "", observedHost);
        if (refusal.isPresent()) {
            LOG.fine(() -> "Refused the hello of " + theirs.nodeId() + " at " + LogText.of(theirs.address()) + ": "
                    + LogText.of(refusal.get()));
            throw new RefusedException(refusal.get());
        }
        return ours;
    }

    /**
     * The connected peer that signed the request, once it is for this node, signed within the clock skew,
     * with a nonce not seen before (P10), and within the peer's rate. A request signed for another node, or
     * a replay, may come from anyone who saw the original: it is refused without charging its signer.
     */
    Peer authenticate(SignedRequest request, String method, String pathAndQuery, byte[] body) throws RefusedException {
        long now = clock.getAsLong();
        Peer peer = connectedSender(request.sender(), now);
        long skew = Math.abs(request.timestampMs() - now);
        if (skew > settings.maxClockSkewMs()) {
            throw new RefusedException(new Refusal(Refusal.Reason.BAD_REQUEST_SIGNATURE, "the request was signed " + skew
                    + " ms away from this node's clock, more than the " + settings.maxClockSkewMs() + " ms allowed"));
        }
        if (!request.isSignedBy(peer.publicKey(), method, pathAndQuery, body)) {
            throw new RefusedException(new Refusal(Refusal.Reason.BAD_REQUEST_SIGNATURE,
                    "the request's signature does not verify with the key of node " + request.sender()));
        }
        if (!request.recipient().equals(nodeId())) {
            throw new RefusedException(new Refusal(Refusal.Reason.BAD_REQUEST_SIGNATURE, "P10: the request is signed for node "
                    + request.recipient() + "; this is node " + nodeId()));
        }
        if (!peer.firstUseOf(request.nonce(), now, 2 * settings.maxClockSkewMs())) {
            throw new RefusedException(new Refusal(Refusal.Reason.REPLAYED, "P10: this request of node " + request.sender()
                    + " came before (its nonce is used); a node signs each request once"));
        }
        if (!peers.takeRequest(peer, now)) {
            peers.penalise(peer, Offence.TOO_MANY_REQUESTS, "over " + settings.limits().requestsPerSecond()
                    + " requests a second", now);
            throw new RefusedException(new Refusal(Refusal.Reason.RATE_LIMITED, "more than "
                    + settings.limits().requestsPerSecond() + " requests a second; slow down"));
        }
        return peer;
    }

    /** The connected, unbanned peer a request names as its sender; checked before its body is read (P6). */
    Peer connectedSender(String nodeId, long nowMs) throws RefusedException {
        if (peers.isBanned(nodeId, nowMs)) {
            throw new RefusedException(new Refusal(Refusal.Reason.BANNED, "node " + nodeId + " is banned for a while"));
        }
        return peers.connected(nodeId).orElseThrow(() -> new RefusedException(new Refusal(Refusal.Reason.UNKNOWN_PEER,
                "node " + nodeId + " is not a connected peer; say hello first (POST /api/v1/p2p/hello)")));
    }
}
