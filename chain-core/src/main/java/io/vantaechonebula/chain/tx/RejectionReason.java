package io.vantaechonebula.chain.tx;

/** Why a transaction is refused; the code is stable and appears in API errors. */
public enum RejectionReason {
    BAD_SIGNATURE("bad_signature"),
    WRONG_CHAIN("wrong_chain"),
    NONCE_TOO_LOW("nonce_too_low"),
    NONCE_TOO_HIGH("nonce_too_high"),
    INSUFFICIENT_BALANCE("insufficient_balance"),
    FEE_TOO_LOW("fee_too_low"),
    MALFORMED("malformed"),
    /** T2a: the sender or the recipient is an address whose key is published, refused on this chain. */
    REFUSED_ADDRESS("refused_address"),
    /** V1, V5: the stake is locked while its validator exits, or until the exit delay has passed. */
    STAKE_LOCKED("stake_locked"),
    /** V2: the stake would be below the chain's minimum. */
    STAKE_TOO_LOW("stake_too_low"),
    /** V4, V7: the account holds no stake. */
    NOT_A_VALIDATOR("not_a_validator"),
    /** V6: the votes given as evidence do not show a conflict. */
    BAD_EVIDENCE("bad_evidence");

    private final String code;

    RejectionReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
