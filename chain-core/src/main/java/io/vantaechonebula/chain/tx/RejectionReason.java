package io.vantaechonebula.chain.tx;

/** Why a transaction is refused; the code is stable and appears in API errors. */
public enum RejectionReason {
    BAD_SIGNATURE("bad_signature"),
    WRONG_CHAIN("wrong_chain"),
    NONCE_TOO_LOW("nonce_too_low"),
    NONCE_TOO_HIGH("nonce_too_high"),
    INSUFFICIENT_BALANCE("insufficient_balance"),
    FEE_TOO_LOW("fee_too_low"),
    MALFORMED("malformed");

    private final String code;

    RejectionReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
