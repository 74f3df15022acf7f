package io.vantaechonebula.p2p.alert;

import java.util.Arrays;
import java.util.Optional;

/** What makes a transaction unusual; the code is its name in JSON and on the wire. */
public enum Reason {
    /** A transfer whose amount is far from what this chain's transfers move. */
    UNUSUAL_AMOUNT("unusual-amount", 1),
    /** A fee far from what this chain's transactions pay. */
    UNUSUAL_FEE("unusual-fee", 2),
    /** One sender sending far more transactions a minute than senders do. */
    SENDER_BURST("sender-burst", 3),
    /** A second transaction spending the same sender nonce: a double-spend attempt. */
    NONCE_CONFLICT("nonce-conflict", 4);

    private final String code;
    private final int wireCode;

    Reason(String code, int wireCode) {
        this.code = code;
        this.wireCode = wireCode;
    }

    public String code() {
        return code;
    }

    int wireCode() {
        return wireCode;
    }

    static Optional<Reason> ofWireCode(int wireCode) {
        return Arrays.stream(values()).filter(reason -> reason.wireCode == wireCode).findFirst();
    }
}
