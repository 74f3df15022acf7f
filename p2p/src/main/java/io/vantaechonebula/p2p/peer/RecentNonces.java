package io.vantaechonebula.p2p.peer;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * P10: the nonces of one peer's signed requests, each kept as long as a copy of its request could still
 * pass the clock-skew check, so that a replay is recognised; at most {@value #MAX_KEPT}, the oldest
 * giving way. Not thread-safe: {@link Peer} guards it.
 */
final class RecentNonces {

    /** More than a peer within its rate (50 a second, bursts of 200) sends in two minutes. */
    static final int MAX_KEPT = 10_000;

    private record Nonce(long high, long low) {
    }

    private record Kept(Nonce nonce, long untilMs) {
    }

    private final Set<Nonce> seen = new HashSet<>();
    private final Deque<Kept> byAge = new ArrayDeque<>();

    /**
     * @param keepMs how long a request could be replayed: twice the clock skew allowed
     * @return whether the nonce is new; it is kept if so
     */
    boolean firstUse(byte[] nonce, long nowMs, long keepMs) {
        while (!byAge.isEmpty() && (byAge.peekFirst().untilMs() <= nowMs || byAge.size() >= MAX_KEPT)) {
            seen.remove(byAge.removeFirst().nonce());
        }
        ByteBuffer bytes = ByteBuffer.wrap(nonce);
        Nonce key = new Nonce(bytes.getLong(), bytes.getLong());
        if (!seen.add(key)) {
            return false;
        }
        byAge.addLast(new Kept(key, nowMs + keepMs));
        return true;
    }
}
