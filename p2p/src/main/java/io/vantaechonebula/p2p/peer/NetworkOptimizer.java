package io.vantaechonebula.p2p.peer;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The simple node's network optimizer (docs/p2p-spec.md §6): it prefers peers that answer fast and
 * behave well. Among sync sources equally far ahead it takes the fastest, then the best behaved;
 * and with every peer slot taken it lets a weak peer go (one slower than {@value #FAST_MS} ms or
 * below {@value #MIN_REPUTATION} reputation, the weakest first) so that another address can be tried.
 */
public final class NetworkOptimizer {

    /** Peers answering within this many milliseconds are fast (the seeds' "pick peers under 50 ms"). */
    public static final long FAST_MS = 50;
    public static final int MIN_REPUTATION = 50;

    /** Faster first (unmeasured last), then better reputation. */
    public static final Comparator<Peer> PREFERENCE = Comparator
            .comparingLong((Peer peer) -> peer.latencyMs().orElse(Long.MAX_VALUE))
            .thenComparing(Comparator.comparingInt(Peer::reputation).reversed());

    private NetworkOptimizer() {
    }

    /** The weakest of the peers if any is weak: slow first (the slowest), then ill-behaved (the worst). */
    public static Optional<Peer> weakest(List<Peer> peers) {
        return peers.stream().filter(NetworkOptimizer::isWeak).max(PREFERENCE);
    }

    public static boolean isWeak(Peer peer) {
        return peer.latencyMs().filter(latency -> latency > FAST_MS).isPresent() || peer.reputation() < MIN_REPUTATION;
    }

    /** Why the peer is weak, for the log. */
    public static String weakness(Peer peer) {
        return peer.latencyMs().filter(latency -> latency > FAST_MS)
                .map(latency -> "latency " + latency + " ms, over " + FAST_MS + " ms")
                .orElse("reputation " + peer.reputation() + ", under " + MIN_REPUTATION);
    }
}
