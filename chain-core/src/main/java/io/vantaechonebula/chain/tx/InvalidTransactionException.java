package io.vantaechonebula.chain.tx;

/** A transaction that breaks a rule, with the reason code and what is wrong. */
public class InvalidTransactionException extends Exception {

    private final RejectionReason reason;

    public InvalidTransactionException(RejectionReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RejectionReason reason() {
        return reason;
    }
}
