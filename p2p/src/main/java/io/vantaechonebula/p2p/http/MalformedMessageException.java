package io.vantaechonebula.p2p.http;

/** A message that is not what the protocol says: the text names the field and what is wrong with it. */
public final class MalformedMessageException extends Exception {

    public MalformedMessageException(String message) {
        super(message);
    }
}
