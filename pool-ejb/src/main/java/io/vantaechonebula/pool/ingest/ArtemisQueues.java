package io.vantaechonebula.pool.ingest;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Map<String, ObjectName> beans = new ConcurrentHashMap<>();

    ArtemisQueues(MBeanServer server) {
        this.server = server;
    }

    @Override
    public OptionalLong depth(String queue) {
        try {
            ObjectName bean = beans.get(queue);
            if (bean == null || !server.isRegistered(bean)) {
                bean = find(queue);
                if (bean == null) {
                    return OptionalLong.empty();
                }
                beans.put(queue, bean);
            }
            return OptionalLong.of(((Number) server.getAttribute(bean, "MessageCount")).longValue());
        } catch (JMException | IllegalArgumentException e) {
            return OptionalLong.empty();
        }
    }

    /** The queue's bean, looked for among all once: HTTP ingest asks for the depth at every request. */
    private ObjectName find(String queue) throws JMException {
        Set<ObjectName> all = server.queryNames(new ObjectName(DOMAIN + ":component=addresses,subcomponent=queues,*"), null);
        for (ObjectName bean : all) {
            String raw = bean.getKeyProperty("queue");
            String name = raw != null && raw.startsWith("\"") ? ObjectName.unquote(raw) : String.valueOf(raw);
            if (name.equals(queue) || name.equals("jms.queue." + queue)) {
                return bean;
            }
        }
        return null;
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
