package io.vantaechonebula.p2p.gossip;

import io.vantaechonebula.chain.crypto.Hash;
import java.util.LinkedHashMap;
import java.util.Map;

/** The ids of the last messages seen, so that each is handled and relayed once; the oldest are forgotten first. */
public final class SeenMessages {

    private final Map<Hash, Boolean> seen;

    public SeenMessages(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.seen = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Hash, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Whether this is the first time the id is seen; remembers it either way. */
    public synchronized boolean firstSight(Hash id) {
        return seen.put(id, Boolean.TRUE) == null;
    }

    /** Forgets an id, so that the message is handled again if it comes back (after it failed for want of its parent, say). */
    public synchronized void forget(Hash id) {
        seen.remove(id);
    }
}
