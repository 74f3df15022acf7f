package io.vantaechonebula.p2p.peer;

import io.vantaechonebula.chain.crypto.Ed25519PublicKey;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.p2p.handshake.ChainHead;
import io.vantaechonebula.p2p.handshake.Hello;
import io.vantaechonebula.p2p.handshake.PeerAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A node this one has exchanged hellos with: what it said of itself, and how it has behaved since. */
public final class Peer {

    private static final double LATENCY_WEIGHT = 0.3;

    private final String nodeId;
    private final Ed25519PublicKey publicKey;
    private final Reputation reputation = new Reputation();
    private final RequestRate rate;
    private final RecentNonces nonces = new RecentNonces();
    private Hello hello;
    /** Where to call it: where this node dialled it, or the address its hello gave once verified (P7); else empty. */
    private String address;
    /** P7: an address its hello gave that this node has yet to verify by dialling it back; empty if none. */
    private String claimedAddress;
    private int failedVerifications;
    /** Whether the claim had its first call-back, the one made as its hello arrived. */
    private boolean calledBack;
    /**
     * The last claim given up on, and when: the hellos that repeat it (pings among them) take it up again only
     * {@value #CLAIM_RETRY_MS} ms later, so a caller that was only paused is called back again.
     */
    private String givenUpClaim = "";
    private long givenUpAtMs;
    public static final long CLAIM_RETRY_MS = 60_000;
    /** The peer's chains as its hello gave them, moved on by the blocks it has sent since. */
    private List<ChainHead> chains;
    /** The host this node last saw it at: the connection's, or the one it dialled; never the one it claims. */
    private String observedHost;
    /** Whether this node dialled it (outbound) rather than it calling (inbound), as of its last hello. */
    private boolean dialled;
    /** How many new, valid blocks and transactions it brought: whether it is of any use (P7). */
    private long useful;
    /** Per chain, the highest block the peer sent that this node took: how far its claims are backed (S3). */
    private final Map<String, Long> backed = new HashMap<>();
    /** Per chain, the last block the peer's sync answers brought that this node took: where the next round goes on (S5). */
    private final Map<String, Hash> syncedTo = new HashMap<>();
    private PeerState state = PeerState.CONNECTED;
    private long latencyMs = -1;
    private long lastSeenMs;
    /** P12: when the peer last answered a call of this node's (or greeted it), and how many calls failed since. */
    private long lastAnswerMs;
    private int misses;
    private String lastProblem;

    Peer(Hello hello, String dialledAddress, String observedHost, RequestRate rate, long nowMs) {
        this.observedHost = observedHost;
        this.dialled = !dialledAddress.isEmpty();
        this.nodeId = hello.nodeId();
        this.publicKey = hello.publicKey();
        this.hello = hello;
        this.address = dialledAddress;
        this.claimedAddress = dialledAddress.isEmpty() ? claimOf(hello) : "";
        this.chains = hello.chains();
        this.rate = rate;
        this.lastSeenMs = nowMs;
        this.lastAnswerMs = nowMs;
    }

    public String nodeId() {
        return nodeId;
    }

    public Ed25519PublicKey publicKey() {
        return publicKey;
    }

    /** Where this node calls the peer; empty if the peer does not listen and was never dialled. */
    public synchronized String address() {
        return address;
    }

    /** The address a hello gives, in its one form; empty if it gives none or none usable. */
    private static String claimOf(Hello hello) {
        return PeerAddress.isValid(hello.address()) ? PeerAddress.normalise(hello.address()) : "";
    }

    /** P7: the address the peer's hello gave, while this node has not verified it yet and not given up. */
    public synchronized Optional<String> addressToVerify() {
        return claimedAddress.isEmpty() ? Optional.empty() : Optional.of(claimedAddress);
    }

    /**
     * P7: whether the address the peer claims is still to have its first call-back, the one made as its hello
     * arrives; true once for each claim, so that two nodes calling each other back do not call back without end.
     */
    public synchronized boolean firstCallBack() {
        if (claimedAddress.isEmpty() || calledBack) {
            return false;
        }
        calledBack = true;
        return true;
    }

    /** P7: the peer answered at the address it claimed: it is where to call it from now on. */
    public synchronized void addressVerified(String verified) {
        address = verified;
        if (verified.equals(claimedAddress)) {
            claimedAddress = "";
        }
    }

    /**
     * P7: the address the peer claimed did not answer as the peer; after {@code giveUpAfter} such tries the claim is
     * dropped until a hello gives another, or repeats it {@value #CLAIM_RETRY_MS} ms later.
     */
    public synchronized void addressNotVerified(int giveUpAfter, long nowMs) {
        if (++failedVerifications >= giveUpAfter) {
            givenUpClaim = claimedAddress;
            givenUpAtMs = nowMs;
            claimedAddress = "";
        }
    }

    public synchronized String mode() {
        return hello.mode();
    }

    public synchronized List<ChainHead> chains() {
        return chains;
    }

    public synchronized Optional<ChainHead> chain(String chainId) {
        return chains.stream().filter(chain -> chain.chainId().equals(chainId)).findFirst();
    }

    /** The highest block of the chain the peer sent that this node took; -1 before the first. */
    public synchronized long backedHeight(String chainId) {
        return backed.getOrDefault(chainId, -1L);
    }

    /** S5: the last block this peer's sync answers brought that this node took, if any. */
    public synchronized Optional<Hash> syncedTo(String chainId) {
        return Optional.ofNullable(syncedTo.get(chainId));
    }

    public synchronized void syncedTo(String chainId, Hash block) {
        syncedTo.put(chainId, block);
    }

    public synchronized String observedHost() {
        return observedHost;
    }

    public synchronized PeerState state() {
        return state;
    }

    public synchronized int reputation() {
        return reputation.score();
    }

    public synchronized Optional<Long> latencyMs() {
        return latencyMs < 0 ? Optional.empty() : Optional.of(latencyMs);
    }

    synchronized void greeted(Hello newHello, String dialledAddress, String seenAt, long nowMs) {
        if (!seenAt.isEmpty()) {
            observedHost = seenAt;
        }
        dialled = !dialledAddress.isEmpty();
        if (!newHello.nodeId().equals(nodeId)) {
            throw new IllegalArgumentException("hello of " + newHello.nodeId() + " given to peer " + nodeId);
        }
        hello = newHello;
        if (!dialledAddress.isEmpty()) {
            address = dialledAddress;
            claimedAddress = "";
        } else if (!claimOf(newHello).isEmpty() && !claimOf(newHello).equals(address)
                && !claimOf(newHello).equals(claimedAddress)
                && !(claimOf(newHello).equals(givenUpClaim) && nowMs - givenUpAtMs < CLAIM_RETRY_MS)) {
            claimedAddress = claimOf(newHello);
            failedVerifications = 0;
            calledBack = false;
        }
        chains = newHello.chains();
        state = PeerState.CONNECTED;
        lastSeenMs = nowMs;
        answered(nowMs);
    }

    /** P12: the peer answered a call (whatever it said): it is alive. */
    public synchronized void answered(long nowMs) {
        misses = 0;
        lastAnswerMs = Math.max(lastAnswerMs, nowMs);
    }

    /**
     * P12: a call to the peer got no answer (it timed out, or the connection failed).
     *
     * @return whether the peer has now missed {@code calls} calls in a row over at least {@code graceMs} since it last answered
     */
    synchronized boolean missed(long nowMs, int calls, long graceMs, String problem) {
        misses++;
        lastProblem = problem;
        return misses >= calls && nowMs - lastAnswerMs >= graceMs;
    }

    /** Records that the peer now has the chain at {@code height} (from a block it sent), if that is higher. */
    public synchronized void reached(String chainId, long height, Hash head) {
        backed.merge(chainId, height, Math::max);
        chains = chains.stream()
                .map(chain -> chain.chainId().equals(chainId) && height > chain.height()
                        ? chain.reached(height, head) : chain)
                .toList();
    }

    public synchronized void measuredLatency(long roundTripMs) {
        latencyMs = latencyMs < 0 ? roundTripMs : Math.round(LATENCY_WEIGHT * roundTripMs + (1 - LATENCY_WEIGHT) * latencyMs);
    }

    /** P10: whether a signed request's nonce is new from this peer, as far back as {@code keepMs}; kept if so. */
    public synchronized boolean firstUseOf(byte[] nonce, long nowMs, long keepMs) {
        return nonces.firstUse(nonce, nowMs, keepMs);
    }

    synchronized boolean takeRequest(long nowMs) {
        lastSeenMs = Math.max(lastSeenMs, nowMs);
        return rate.tryTake(nowMs);
    }

    synchronized boolean penalise(Offence offence, String problem, long nowMs, long banMs) {
        lastProblem = offence + ": " + problem;
        boolean banned = reputation.penalise(offence, nowMs, banMs);
        if (banned) {
            state = PeerState.BANNED;
        }
        return banned;
    }

    /** Whether this node dialled it rather than it calling. */
    public synchronized boolean dialled() {
        return dialled;
    }

    /** P7: a peer that called, has no verified address to call it back at, and brought nothing: the first to make room. */
    synchronized boolean useless() {
        return !dialled && address.isEmpty() && useful == 0;
    }

    synchronized long lastSeenMs() {
        return lastSeenMs;
    }

    synchronized void reward() {
        useful++;
        reputation.reward();
    }

    synchronized boolean isBanned(long nowMs) {
        boolean banned = reputation.isBanned(nowMs);
        if (!banned && state == PeerState.BANNED) {
            state = PeerState.UNREACHABLE;
        }
        return banned;
    }

    /** @return whether it was banned: it is not now, and is dialled again like an unreachable peer */
    synchronized boolean liftBan(long nowMs) {
        if (!isBanned(nowMs)) {
            return false;
        }
        reputation.liftBan();
        state = PeerState.UNREACHABLE;
        return true;
    }

    synchronized void unreachable(String problem) {
        if (state == PeerState.CONNECTED) {
            state = PeerState.UNREACHABLE;
        }
        lastProblem = problem;
    }

    synchronized PeerView view(long nowMs) {
        boolean banned = isBanned(nowMs);
        return new PeerView(nodeId, address, hello.protocolVersion(), hello.software(), hello.mode(), chains,
                latencyMs(), reputation.score(), state, banned ? Optional.of(reputation.bannedUntilMs()) : Optional.empty(),
                lastSeenMs, Optional.ofNullable(lastProblem));
    }
}
