package io.vantaechonebula.pool.ingest;

import java.util.OptionalLong;
import javax.management.Attribute;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Payara's embedded OpenMQ broker: depth from a queue's monitor bean, and a bound in messages with flow
 * control (producers wait) from its config bean. The broker creates a queue only on first use and forgets
 * the settings of a queue it created on its own when it restarts, so the bound is applied again and again.
 */
final class OpenMqQueues implements QueueAdministration {

    static final String DOMAIN = "com.sun.messaging.jms.server";
    private static final String FLOW_CONTROL = "FLOW_CONTROL";

    private final MBeanServer server;

    OpenMqQueues(MBeanServer server) {
        this.server = server;
    }

    @Override
    public OptionalLong depth(String queue) {
        try {
            return OptionalLong.of(((Number) server.getAttribute(bean("Monitor", queue), "NumMsgs")).longValue());
        } catch (JMException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public boolean bound(String queue, long limit) throws JMException {
        ObjectName config = bean("Config", queue);
        if (!server.isRegistered(config)) {
            return false;
        }
        Object current = server.getAttribute(config, "MaxNumMsgs");
        Object behavior = server.getAttribute(config, "LimitBehavior");
        if (current instanceof Number number && number.longValue() == limit && FLOW_CONTROL.equals(behavior)) {
            return false;
        }
        server.setAttribute(config, new Attribute("MaxNumMsgs", limit));
        server.setAttribute(config, new Attribute("LimitBehavior", FLOW_CONTROL));
        return true;
    }

    @Override
    public String broker() {
        return "OpenMQ";
    }

    @Override
    public String kind() {
        return "openmq";
    }

    private static ObjectName bean(String subtype, String queue) throws JMException {
        return new ObjectName(DOMAIN + ":type=Destination,subtype=" + subtype + ",desttype=q,name=\"" + queue + "\"");
    }
}
