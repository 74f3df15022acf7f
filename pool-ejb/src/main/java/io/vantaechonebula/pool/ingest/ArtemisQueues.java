package io.vantaechonebula.pool.ingest;

import java.util.OptionalLong;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * WildFly's embedded ActiveMQ Artemis: depth from a queue's bean (WildFly names a Jakarta Messaging queue
 * {@code jms.queue.<name>}). Artemis bounds an address in bytes, not messages, so it holds no bound of ours:
 * HTTP ingest's 429 at the pool's limit still holds, while JMS producers are not slowed down.
 */
final class ArtemisQueues implements QueueAdministration {

    static final String DOMAIN = "org.apache.activemq.artemis";

    private final MBeanServer server;

    ArtemisQueues(MBeanServer server) {
        this.server = server;
    }

    @Override
    public OptionalLong depth(String queue) {
        try {
            Set<ObjectName> beans = server.queryNames(new ObjectName(DOMAIN + ":component=addresses,subcomponent=queues,*"), null);
            for (ObjectName bean : beans) {
                String raw = bean.getKeyProperty("queue");
                String name = raw != null && raw.startsWith("\"") ? ObjectName.unquote(raw) : String.valueOf(raw);
                if (name.equals(queue) || name.equals("jms.queue." + queue)) {
                    return OptionalLong.of(((Number) server.getAttribute(bean, "MessageCount")).longValue());
                }
            }
            return OptionalLong.empty();
        } catch (JMException | IllegalArgumentException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public boolean bound(String queue, long limit) {
        return false;
    }

    @Override
    public String broker() {
        return "ActiveMQ Artemis";
    }

    @Override
    public String kind() {
        return "artemis";
    }
}
