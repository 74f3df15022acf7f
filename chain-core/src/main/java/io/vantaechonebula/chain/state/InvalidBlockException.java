package io.vantaechonebula.chain.state;

/** A block that breaks a rule, with what is wrong. */
public class InvalidBlockException extends Exception {

    public InvalidBlockException(String message) {
        super(message);
    }
}
