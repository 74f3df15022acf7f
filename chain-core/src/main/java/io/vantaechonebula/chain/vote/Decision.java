package io.vantaechonebula.chain.vote;

import java.util.Arrays;
import java.util.Optional;

/** What a vote says of its block; the code is its byte in the encoding. */
public enum Decision {
    APPROVE(1),
    REJECT(2);

    private final int code;

    Decision(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<Decision> ofCode(int code) {
        return Arrays.stream(values()).filter(decision -> decision.code == code).findFirst();
    }
}
