package io.vantaechonebula.pool.ingest;

import java.util.Optional;
import java.util.OptionalLong;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * What the pool asks of the server's own broker, through the broker's JMX beans: how deep a queue is, and
 * a bound on it. Each server's broker has its own beans; {@link #of} finds the one that runs.
 */
interface QueueAdministration {

    /** Messages on the queue now, committed and not yet consumed; empty while the broker does not know it. */
    OptionalLong depth(String queue);

    /**
     * Has the broker hold at most {@code limit} messages on the queue before it slows producers down.
     *
     * @return whether the broker applied a bound it did not have; false when it had it, or cannot hold one
     * @throws JMException when the broker refused
     */
    boolean bound(String queue, long limit) throws JMException;

    /** Which broker this is, for the log. */
    String broker();

    /** Which broker this is, for clients: {@code openmq} or {@code artemis}. */
    String kind();

    /** The broker whose beans this server has registered: OpenMQ (Payara), ActiveMQ Artemis (WildFly), or none yet. */
    static Optional<QueueAdministration> of(MBeanServer server) {
        if (registered(server, OpenMqQueues.DOMAIN)) {
            return Optional.of(new OpenMqQueues(server));
        }
        if (registered(server, ArtemisQueues.DOMAIN)) {
            return Optional.of(new ArtemisQueues(server));
        }
        return Optional.empty();
    }

    private static boolean registered(MBeanServer server, String domain) {
        try {
            return !server.queryNames(new ObjectName(domain + ":*"), null).isEmpty();
        } catch (JMException e) {
            return false;
        }
    }
}
