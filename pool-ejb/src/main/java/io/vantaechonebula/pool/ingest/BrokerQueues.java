package io.vantaechonebula.pool.ingest;

import io.vantaechonebula.pool.api.PoolQueues;
import io.vantaechonebula.pool.config.IntakeSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.management.ManagementFactory;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;

/**
 * The pool's queues on the server's own broker ({@link QueueAdministration}: OpenMQ on Payara, ActiveMQ
 * Artemis on WildFly): their depth, and the bound on {@code NodeData}. At the bound HTTP ingest answers 429;
 * OpenMQ also slows JMS producers down (flow control) instead of refusing them. The bound
 * ({@code vanta.pool.queue-limit}) is read and set again every {@value #CHECK_SECONDS} s, as OpenMQ creates
 * the queue only on first use and forgets the settings of a queue it created on its own when it restarts.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class BrokerQueues {

    private static final Logger LOG = Logger.getLogger(BrokerQueues.class.getName());
    private static final long CHECK_SECONDS = 5;

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private volatile QueueAdministration broker;
    private volatile long limit;
    private long appliedLimit = -1;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        limit = configuredLimit();
        task = scheduler.scheduleWithFixedDelay(this::applyLimit, 1, CHECK_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        task.cancel(false);
    }

    /** The most messages {@code NodeData} holds before HTTP ingest answers 429. */
    public long limit() {
        return limit;
    }

    /** Messages on a queue now, committed and not yet consumed; empty when the broker does not know the queue yet. */
    public OptionalLong depth(String queue) {
        QueueAdministration known = broker();
        return known == null ? OptionalLong.empty() : known.depth(queue);
    }

    /** The server's broker, {@code openmq} or {@code artemis}; {@code unknown} until its beans are registered. */
    public String brokerKind() {
        QueueAdministration known = broker();
        return known == null ? "unknown" : known.kind();
    }

    public boolean nodeDataFull() {
        return depth(PoolQueues.NODE_DATA).orElse(0) >= limit;
    }

    /** Read again at each check, so a running server takes a new limit within seconds. */
    private static long configuredLimit() {
        return IntakeSettings.current().queueLimit();
    }

    /** The broker's beans, once the broker has registered them. */
    private QueueAdministration broker() {
        QueueAdministration known = broker;
        if (known == null) {
            known = QueueAdministration.of(server).orElse(null);
            broker = known;
        }
        return known;
    }

    private void applyLimit() {
        try {
            limit = configuredLimit();
            QueueAdministration known = broker();
            if (known == null) {
                return;
            }
            boolean applied = known.bound(PoolQueues.NODE_DATA, limit);
            if (applied && appliedLimit != limit) {
                LOG.info(() -> "Queue " + PoolQueues.NODE_DATA + " holds at most " + limit
                        + " messages; beyond that " + known.broker() + " slows producers down and HTTP ingest answers 429");
            }
            if (applied) {
                appliedLimit = limit;
            }
        } catch (JMException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not bound the " + PoolQueues.NODE_DATA + " queue through the broker's JMX beans;"
                    + " trying again in " + CHECK_SECONDS + " s", e);
        }
    }
}
