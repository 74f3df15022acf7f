package io.vantaechonebula.chain.tx;

import java.util.Arrays;
import java.util.Optional;

/** What a transaction does; the code is its byte in the canonical encoding. */
public enum TransactionType {
    TRANSFER(1, true),
    VALIDATOR_REGISTER(2, true),
    VALIDATOR_EXIT(3, true),
    SLASH_EVIDENCE(4, true);

    private final int code;
    private final boolean active;

    TransactionType(int code, boolean active) {
        this.code = code;
        this.active = active;
    }

    public int code() {
        return code;
    }

    /** Whether blocks may carry this type; every type is enabled since finality (docs/chain-spec.md §8). */
    public boolean active() {
        return active;
    }

    public static Optional<TransactionType> ofCode(int code) {
        return Arrays.stream(values()).filter(type -> type.code == code).findFirst();
    }
}
