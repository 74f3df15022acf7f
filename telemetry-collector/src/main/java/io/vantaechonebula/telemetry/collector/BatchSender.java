package io.vantaechonebula.telemetry.collector;

import io.vantaechonebula.telemetry.PayloadKind;
import jakarta.json.JsonObject;

/**
 * Hands a payload to the pool: returns once the pool has it, throws if it does not. The one way
 * telemetry leaves a node, whoever sends it: the server's collector, {@code ./vanta node} and
 * {@code ./vanta send}, over HTTP ({@link HttpBatchSender}) or JMS ({@link JmsBatchSender}).
 */
public interface BatchSender extends AutoCloseable {

    /** @return what the pool answered, in a line for the operator */
    String send(String nodeId, PayloadKind kind, JsonObject payload) throws SendFailedException;

    /** Sends a batch of samples (docs/ingest.md). */
    default String send(String nodeId, JsonObject batch) throws SendFailedException {
        return send(nodeId, PayloadKind.BATCH, batch);
    }

    /** Lets go of connections; a closed sender is not used again. */
    @Override
    default void close() {
    }

    /** The pool did not take a payload or could not be reached; the message says which and what to do. */
    final class SendFailedException extends Exception {
        public SendFailedException(String message, Throwable cause) {
            super(message, cause);
        }

        public SendFailedException(String message) {
            super(message);
        }
    }
}
