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
import javax.management.Attribute;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The pool's queues on the server's own OpenMQ broker, through the broker's JMX beans: their
 * depth, and the bound on {@code NodeData}. At the bound the broker slows JMS producers down
 * (flow control) instead of refusing them, and HTTP ingest answers 429. The bound
 * ({@code vanta.pool.queue-limit}) is read and set again every {@value #CHECK_SECONDS} s, as the
 * broker creates the queue only on first use and forgets the settings of a queue it created on its
 * own when it restarts.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class BrokerQueues {

    private static final Logger LOG = Logger.getLogger(BrokerQueues.class.getName());
    private static final long CHECK_SECONDS = 5;
    private static final String FLOW_CONTROL = "FLOW_CONTROL";

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
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

    /** The most messages {@code NodeData} holds before producers wait. */
    public long limit() {
        return limit;
    }

    /** Messages on a queue now, committed and not yet consumed; empty when the broker does not know the queue yet. */
    public OptionalLong depth(String queue) {
        try {
            Object value = server.getAttribute(monitor(queue), "NumMsgs");
            return OptionalLong.of(((Number) value).longValue());
        } catch (JMException e) {
            return OptionalLong.empty();
        }
    }

    public boolean nodeDataFull() {
        return depth(PoolQueues.NODE_DATA).orElse(0) >= limit;
    }

    /** Read again at each check, so a running server takes a new limit within seconds. */
    private static long configuredLimit() {
        return IntakeSettings.current().queueLimit();
    }

    private void applyLimit() {
        try {
            limit = configuredLimit();
            ObjectName config = config(PoolQueues.NODE_DATA);
            if (!server.isRegistered(config)) {
                return;
            }
            Object current = server.getAttribute(config, "MaxNumMsgs");
            Object behavior = server.getAttribute(config, "LimitBehavior");
            if (current instanceof Number number && number.longValue() == limit && FLOW_CONTROL.equals(behavior)) {
                return;
            }
            server.setAttribute(config, new Attribute("MaxNumMsgs", limit));
            server.setAttribute(config, new Attribute("LimitBehavior", FLOW_CONTROL));
            if (appliedLimit != limit) {
                LOG.info(() -> "Queue " + PoolQueues.NODE_DATA + " holds at most " + limit
                        + " messages; beyond that the broker slows producers down and HTTP ingest answers 429");
            }
            appliedLimit = limit;
        } catch (JMException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not bound the " + PoolQueues.NODE_DATA + " queue through the broker's JMX beans;"
                    + " trying again in " + CHECK_SECONDS + " s", e);
        }
    }

    private static ObjectName monitor(String queue) throws JMException {
        return new ObjectName("com.sun.messaging.jms.server:type=Destination,subtype=Monitor,desttype=q,name=\"" + queue + "\"");
    }

    private static ObjectName config(String queue) throws JMException {
        return new ObjectName("com.sun.messaging.jms.server:type=Destination,subtype=Config,desttype=q,name=\"" + queue + "\"");
    }
}
