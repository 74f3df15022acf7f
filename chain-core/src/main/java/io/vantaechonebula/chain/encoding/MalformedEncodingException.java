package io.vantaechonebula.chain.encoding;

/** Bytes that are not a well-formed canonical encoding of the value expected. */
public class MalformedEncodingException extends Exception {

    public MalformedEncodingException(String message) {
        super(message);
    }
}
