package io.vantaechonebula.telemetry.signing;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * Remembers the signatures it let through while they are inside the window, so that the same
 * signed request sent again is refused. A delivery id (a JMS message id) lets a broker redeliver
 * the same message: the same signature under the same id is the same message, not a replay. Holds
 * at most {@value #CAPACITY} signatures, the oldest forgotten first when more come; only signatures
 * that verified reach it, and a replay it no longer remembers stores nothing new anyway, as the pool
 * stores a sample once per node and sequence number (or time).
 */
public final class ReplayGuard {

    public static final int CAPACITY = 200_000;

    private record Seen(long forgetAtSeconds, String deliveryId) {
    }

    private final Map<ByteBuffer, Seen> seen;
    private final int capacity;
    private long nextSweepAt;

    public ReplayGuard() {
        this(CAPACITY);
    }

    ReplayGuard(int capacity) {
        this.capacity = capacity;
        this.seen = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Seen> eldest) {
                return size() > ReplayGuard.this.capacity;
            }
        };
    }

    /**
     * @param forgetAtSeconds when the signature leaves the window and would be refused as stale anyway
     * @param deliveryId the transport's id of this delivery, or null where there is none (HTTP)
     */
    public synchronized void firstUse(byte[] signature, long forgetAtSeconds, String deliveryId, long nowSeconds)
            throws SignatureException {
        ByteBuffer key = ByteBuffer.wrap(signature.clone());
        Seen before = seen.get(key);
        if (before != null && before.forgetAtSeconds() >= nowSeconds) {
            if (deliveryId != null && Objects.equals(deliveryId, before.deliveryId())) {
                return;
            }
            throw new SignatureException("this signature was used before: a request is signed once, when it is sent (a replay is refused)");
        }
        if (nowSeconds >= nextSweepAt) {
            sweep(nowSeconds);
        }
        seen.put(key, new Seen(forgetAtSeconds, deliveryId));
    }

    private void sweep(long nowSeconds) {
        for (Iterator<Seen> it = seen.values().iterator(); it.hasNext(); ) {
            if (it.next().forgetAtSeconds() < nowSeconds) {
                it.remove();
            }
        }
        nextSweepAt = nowSeconds + 10;
    }

    synchronized int size() {
        return seen.size();
    }
}
