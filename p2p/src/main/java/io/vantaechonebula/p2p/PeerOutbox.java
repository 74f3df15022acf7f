package io.vantaechonebula.p2p;

import io.vantaechonebula.p2p.gossip.Gossip;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * P12: the gossip waiting to go to one peer. It is sent one message at a time, so that a slow peer holds
 * one relay thread at most and never delays what goes to the others; and it is bounded, the oldest
 * message giving way when it is full (a block comes again by sync, a transaction with the next block).
 */
final class PeerOutbox {

    static final int MAX_MESSAGES = 2_000;
    static final long MAX_BYTES = 16L << 20;
    private static final long DROP_REPORT_MS = 60_000;

    private final Deque<Gossip> waiting = new ArrayDeque<>();
    private long bytes;
    private boolean sending;
    private long dropped;
    private long lastReportMs = Long.MIN_VALUE;

    /**
     * Queues the message behind those waiting.
     *
     * @return whether nobody sends this outbox's messages now, so the caller must start sending them
     */
    synchronized boolean offer(Gossip gossip) {
        waiting.addLast(gossip);
        bytes += gossip.size();
        while (waiting.size() > MAX_MESSAGES || bytes > MAX_BYTES && waiting.size() > 1) {
            bytes -= waiting.removeFirst().size();
            dropped++;
        }
        if (sending) {
            return false;
        }
        sending = true;
        return true;
    }

    /** The next message to send; empty when none is left, and then nobody is sending any more. */
    synchronized Optional<Gossip> next() {
        Gossip next = waiting.pollFirst();
        if (next == null) {
            sending = false;
            return Optional.empty();
        }
        bytes -= next.size();
        return Optional.of(next);
    }

    /** Drops what waits, for a peer that is gone; nobody is sending any more. */
    synchronized void clear() {
        waiting.clear();
        bytes = 0;
        sending = false;
    }

    /** How many messages were dropped since the last report, if any were and the last report is a minute old. */
    synchronized Optional<Long> droppedToReport(long nowMs) {
        if (dropped == 0 || lastReportMs != Long.MIN_VALUE && nowMs - lastReportMs < DROP_REPORT_MS) {
            return Optional.empty();
        }
        long count = dropped;
        dropped = 0;
        lastReportMs = nowMs;
        return Optional.of(count);
    }

    synchronized boolean isIdle() {
        return !sending && waiting.isEmpty();
    }
}
