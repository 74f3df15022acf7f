package io.vantaechonebula.pool.ingest;

/**
 * An operator's drill: while the system property {@value #PROPERTY} names a node, the intake
 * fails each of that node's messages after its samples are committed and before the broker is told,
 * as a server that dies at that moment would, so the broker delivers the message again. Operators (and the tests) see that a redelivered message
 * is stored once. Read per message; set and cleared with {@code asadmin create-system-properties}
 * and {@code delete-system-property}.
 */
final class IntakeDrill {

    static final String PROPERTY = "vanta.pool.drill.failing-intake-node";

    private IntakeDrill() {
    }

    static void check(String nodeId) {
        if (nodeId.equals(System.getProperty(PROPERTY))) {
            throw new IllegalStateException("intake drill: the system property " + PROPERTY + " names node " + nodeId
                    + "; its message goes back to the broker for redelivery until the property is deleted");
        }
    }
}
