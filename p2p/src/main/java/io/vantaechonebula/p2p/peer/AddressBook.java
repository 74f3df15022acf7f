package io.vantaechonebula.p2p.peer;

import io.vantaechonebula.p2p.handshake.PeerAddress;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Addresses to try to connect to, where they were learnt, and when to try each next: an address that
 * fails waits twice as long each time, from {@value #FIRST_RETRY_MS} ms up to {@value #MAX_RETRY_MS}
 * ms. The node's own addresses are never dialled. P10: addresses learnt from peers are bounded, in all
 * and per peer, must be {@code http(s)://host:port}, and are private or loopback only when this node
 * dials such.
 */
public final class AddressBook {

    static final long FIRST_RETRY_MS = 5_000;
    static final long MAX_RETRY_MS = 60_000;
    /** P10: the most addresses kept from peers, and from any one peer. */
    public static final int MAX_LEARNT = 1_000;
    public static final int MAX_LEARNT_PER_PEER = 32;

    /** What became of an address a peer gave. */
    public enum Learnt { ADDED, KNOWN, ILL_FORMED, PRIVATE, FULL }

    /** Where an address came from. */
    public enum Source { SEED, LOCAL, PEER, INBOUND }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final boolean dialPrivate;

    private static final class Entry {
        final Source source;
        /** The peer that gave it, for a learnt address. */
        String learntFrom;
        int failures;
        long nextAttemptMs;
        boolean own;
        String nodeId;

        Entry(Source source) {
            this.source = source;
        }
    }

    /** @param dialPrivate whether private and loopback addresses learnt from peers are kept (to be dialled) */
    public AddressBook(boolean dialPrivate) {
        this.dialPrivate = dialPrivate;
    }

    /**
     * Adds an address this node has from its settings, or has verified (a node answered there).
     *
     * @throws IllegalArgumentException if it is not {@code http(s)://host:port}
     */
    public synchronized void add(String address, Source source) {
        entries.putIfAbsent(PeerAddress.normalise(address), new Entry(source));
    }

    /**
     * P10: adds an address the peer {@code fromNodeId} gave, if it is well formed, not private (unless such are
     * dialled), and there is room: at most {@value #MAX_LEARNT_PER_PEER} from one peer, {@value #MAX_LEARNT} in
     * all, where an address that failed gives way to a new one.
     */
    public synchronized Learnt learnt(String address, String fromNodeId) {
        String normalised;
        try {
            normalised = PeerAddress.normalise(address);
        } catch (IllegalArgumentException e) {
            return Learnt.ILL_FORMED;
        }
        if (entries.containsKey(normalised)) {
            return Learnt.KNOWN;
        }
        if (!dialPrivate && PeerAddress.isPrivate(normalised)) {
            return Learnt.PRIVATE;
        }
        long fromThatPeer = entries.values().stream().filter(entry -> fromNodeId.equals(entry.learntFrom)).count();
        if (fromThatPeer >= MAX_LEARNT_PER_PEER || !roomForOneMoreLearnt()) {
            return Learnt.FULL;
        }
        Entry entry = new Entry(Source.PEER);
        entry.learntFrom = fromNodeId;
        entries.put(normalised, entry);
        return Learnt.ADDED;
    }

    private boolean roomForOneMoreLearnt() {
        if (entries.values().stream().filter(entry -> entry.learntFrom != null).count() < MAX_LEARNT) {
            return true;
        }
        return entries.entrySet().stream().filter(e -> e.getValue().learntFrom != null && e.getValue().failures > 0)
                .max(Comparator.comparingInt(e -> e.getValue().failures))
                .map(failing -> entries.remove(failing.getKey()) != null).orElse(false);
    }

    /** Marks an address as this node's own: a hello there answered with this node's id. */
    public synchronized void own(String address) {
        entries.computeIfAbsent(PeerAddress.normalise(address), a -> new Entry(Source.LOCAL)).own = true;
    }

    public synchronized boolean isOwn(String address) {
        Entry entry = entries.get(normalise(address));
        return entry != null && entry.own;
    }

    /** Addresses due for an attempt now, in the order they were learnt (seeds first). */
    public synchronized List<String> due(long nowMs) {
        return entries.entrySet().stream().filter(e -> !e.getValue().own && e.getValue().nextAttemptMs <= nowMs)
                .map(Map.Entry::getKey).toList();
    }

    /** Records that the node {@code nodeId} answered at the address. */
    public synchronized void succeeded(String address, String nodeId) {
        Entry entry = entries.get(normalise(address));
        if (entry != null) {
            entry.failures = 0;
            entry.nextAttemptMs = 0;
            entry.nodeId = nodeId;
        }
    }

    /** The node that last answered at the address. */
    public synchronized java.util.Optional<String> nodeIdAt(String address) {
        Entry entry = entries.get(normalise(address));
        return entry == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(entry.nodeId);
    }

    public synchronized java.util.Optional<Source> sourceOf(String address) {
        Entry entry = entries.get(normalise(address));
        return entry == null ? java.util.Optional.empty() : java.util.Optional.of(entry.source);
    }

    public synchronized void failed(String address, long nowMs) {
        Entry entry = entries.get(normalise(address));
        if (entry != null) {
            long wait = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS << Math.min(entry.failures, 20));
            entry.failures++;
            entry.nextAttemptMs = nowMs + wait;
        }
    }

    public synchronized Map<String, Source> sources() {
        Map<String, Source> sources = new LinkedHashMap<>();
        entries.forEach((address, entry) -> sources.put(address, entry.source));
        return sources;
    }

    /** The key of an address, so that {@code http://H:1/} and {@code http://h:1} are one; an ill-formed one as it is. */
    private static String normalise(String address) {
        try {
            return PeerAddress.normalise(address);
        } catch (IllegalArgumentException e) {
            return address.trim();
        }
    }
}
