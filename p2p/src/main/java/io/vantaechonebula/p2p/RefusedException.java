package io.vantaechonebula.p2p;

import io.vantaechonebula.p2p.handshake.Refusal;

/** This node will not take a hello or a request; the refusal says why and what to do. */
public final class RefusedException extends Exception {

    private final transient Refusal refusal;

    public RefusedException(Refusal refusal) {
        super(refusal.toString());
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
