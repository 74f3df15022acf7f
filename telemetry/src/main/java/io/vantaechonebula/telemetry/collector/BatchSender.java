package io.vantaechonebula.telemetry.collector;

import jakarta.json.JsonObject;

/** Hands a batch payload to the pool: returns once the pool has it, throws if it does not. */
@FunctionalInterface
public interface BatchSender extends AutoCloseable {

    void send(String nodeId, JsonObject payload) throws SendFailedException;

    /** Lets go of connections; a closed sender is not used again. */
    @Override
    default void close() {
    }

    /** The pool did not take a batch; the collector keeps it and tries again later. */
    final class SendFailedException extends Exception {
        public SendFailedException(String message, Throwable cause) {
            super(message, cause);
        }

        public SendFailedException(String message) {
            super(message);
        }
    }
}
