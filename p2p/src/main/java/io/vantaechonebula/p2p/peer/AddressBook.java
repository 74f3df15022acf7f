package io.vantaechonebula.p2p.peer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Addresses to try to connect to, where they were learnt, and when to try each next: an address that
 * fails waits twice as long each time, from {@value #FIRST_RETRY_MS} ms up to {@value #MAX_RETRY_MS}
 * ms. The node's own addresses are never dialled.
 */
public final class AddressBook {

    static final long FIRST_RETRY_MS = 5_000;
    static final long MAX_RETRY_MS = 60_000;

    /** Where an address came from. */
    public enum Source { SEED, LOCAL, PEER, INBOUND }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private static final class Entry {
        final Source source;
        int failures;
        long nextAttemptMs;
        boolean own;
        String nodeId;

        Entry(Source source) {
            this.source = source;
        }
    }

    public synchronized void add(String address, Source source) {
        String normalised = normalise(address);
        if (!normalised.isEmpty()) {
            entries.putIfAbsent(normalised, new Entry(source));
        }
    }

    /** Marks an address as this node's own: a hello there answered with this node's id. */
    public synchronized void own(String address) {
        entries.computeIfAbsent(normalise(address), a -> new Entry(Source.LOCAL)).own = true;
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

    /** Strips a trailing slash, so that {@code http://h:1/} and {@code http://h:1} are one address. */
    static String normalise(String address) {
        String trimmed = address.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
