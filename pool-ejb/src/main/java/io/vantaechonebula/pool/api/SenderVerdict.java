package io.vantaechonebula.pool.api;

/** Who the pool takes a payload to be from. */
public enum SenderVerdict {
    /** Signed by the key registered for its node id. */
    VERIFIED,
    /** From a node id that registered no key, taken while {@code vanta.pool.accept-unverified} is true. */
    UNVERIFIED
}
