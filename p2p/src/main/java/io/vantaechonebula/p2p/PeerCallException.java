package io.vantaechonebula.p2p;

import io.vantaechonebula.p2p.handshake.Refusal;
import java.util.Optional;

/** A call to another node failed: it refused (with its reason), or it could not be reached or answered nonsense. */
public final class PeerCallException extends Exception {

    private final transient Refusal refusal;

    public PeerCallException(String message, Throwable cause) {
        super(message, cause);
        this.refusal = null;
    }

    public PeerCallException(String message) {
        this(message, (Throwable) null);
    }

    public PeerCallException(Refusal refusal) {
        super("refused: " + refusal);
        this.refusal = refusal;
    }

    public Optional<Refusal> refusal() {
        return Optional.ofNullable(refusal);
    }
}
