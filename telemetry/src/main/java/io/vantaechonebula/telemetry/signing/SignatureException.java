package io.vantaechonebula.telemetry.signing;

/** A signature, digest or signature header that does not hold; the message says what and what to do. */
public final class SignatureException extends Exception {

    public SignatureException(String message) {
        super(message);
    }
}
