package io.vantaechonebula.pool.pipeline;

import io.vantaechonebula.pool.store.StoredSample;
import java.util.List;

/**
 * An operator's drill: the system property {@value #PROPERTY} names a processor that then fails
 * every batch, after doing its work and before it commits, so that operators (and the tests) can
 * watch a failure stay with that processor and the batches wait for it. With {@value #NODE_PROPERTY}
 * as well, it fails only the batches of that node: a batch the processor cannot take, which it
 * sets aside as dead. Read at each batch, so they are set and cleared on a running server with
 * {@code asadmin create-system-properties} and {@code delete-system-property}.
 */
final class FailureDrill {

    static final String PROPERTY = "vanta.pool.drill.failing-processor";
    static final String NODE_PROPERTY = "vanta.pool.drill.failing-node";

    private FailureDrill() {
    }

    static void check(String processor, List<StoredSample> samples) {
        if (!processor.equals(System.getProperty(PROPERTY))) {
            return;
        }
        String node = System.getProperty(NODE_PROPERTY);
        if (node == null) {
            throw new DrillFailure("failure drill: the system property " + PROPERTY + " names this processor; delete it"
                    + " (asadmin delete-system-property " + PROPERTY + ") and the waiting batches are processed");
        }
        if (samples.stream().anyMatch(stored -> node.equals(stored.sample().nodeId()))) {
            throw new DrillFailure("failure drill: this processor fails the batches of node " + node + " ("
                    + NODE_PROPERTY + ")");
        }
    }

    /** The failure a drill causes. */
    static final class DrillFailure extends RuntimeException {
        DrillFailure(String message) {
            super(message);
        }
    }
}
