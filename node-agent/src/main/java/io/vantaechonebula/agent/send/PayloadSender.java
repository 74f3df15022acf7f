package io.vantaechonebula.agent.send;

/** Delivers one payload to the pool, or says why it could not. */
interface PayloadSender extends AutoCloseable {

    /** @return a line for the operator describing what the pool answered */
    String send(Outgoing payload) throws SendException;

    @Override
    void close();

    /** The pool refused a payload or could not be reached; the message says which and what to do. */
    final class SendException extends Exception {
        SendException(String message) {
            super(message);
        }

        SendException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
