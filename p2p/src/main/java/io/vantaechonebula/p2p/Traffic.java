package io.vantaechonebula.p2p;

import java.util.concurrent.atomic.AtomicLong;

/** The bytes of protocol messages a node sent and received, bodies only, calls it made and calls it answered alike. */
public final class Traffic {

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();

    public void sent(long bytes) {
        sent.addAndGet(bytes);
    }

    public void received(long bytes) {
        received.addAndGet(bytes);
    }

    public long sentBytes() {
        return sent.get();
    }

    public long receivedBytes() {
        return received.get();
    }
}
