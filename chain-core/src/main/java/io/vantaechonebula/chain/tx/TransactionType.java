package io.vantaechonebula.chain.tx;

import java.util.Arrays;
import java.util.Optional;

/** What a transaction does; the code is its byte in the canonical encoding. */
public enum TransactionType {
    TRANSFER(1, true),
    VALIDATOR_REGISTER(2, false),
    VALIDATOR_EXIT(3, false),
    SLASH_EVIDENCE(4, false);

    private final int code;
    private final boolean active;

    TransactionType(int code, boolean active) {
        this.code = code;
        this.active = active;
    }

    public int code() {
        return code;
    }

    /** Whether blocks may carry this type yet; the validator types are encoded but not yet enabled. */
    public boolean active() {
        return active;
    }

    public static Optional<TransactionType> ofCode(int code) {
        return Arrays.stream(values()).filter(type -> type.code == code).findFirst();
    }
}
