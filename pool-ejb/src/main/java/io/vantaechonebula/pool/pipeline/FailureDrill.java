package io.vantaechonebula.pool.pipeline;

/**
 * An operator's drill: the system property {@value #PROPERTY} names a processor that then fails
 * every batch, after doing its work and before it commits, so that operators (and the tests) can
 * watch a failure stay with that processor and the batches wait for it. Read at each batch, so it
 * is set and cleared on a running server with {@code asadmin create-system-properties} and
 * {@code delete-system-property}.
 */
final class FailureDrill {

    static final String PROPERTY = "vanta.pool.drill.failing-processor";

    private FailureDrill() {
    }

    static void check(String processor) {
        if (processor.equals(System.getProperty(PROPERTY))) {
            throw new DrillFailure("failure drill: the system property " + PROPERTY + " names this processor; delete it"
                    + " (asadmin delete-system-property " + PROPERTY + ") and the waiting batches are processed");
        }
    }

    /** The failure a drill causes. */
    static final class DrillFailure extends RuntimeException {
        DrillFailure(String message) {
            super(message);
        }
    }
}
