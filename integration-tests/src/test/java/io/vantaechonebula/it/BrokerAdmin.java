package io.vantaechonebula.it;

import java.io.IOException;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The broker's administration as an operator reaches it: the server's JMX port (8686), where
 * Payara's embedded OpenMQ keeps its destination beans.
 */
final class BrokerAdmin implements AutoCloseable {

    private final JMXConnector connector;
    private final MBeanServerConnection server;

    BrokerAdmin() throws IOException {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://localhost:8686/jmxrmi");
        connector = JMXConnectorFactory.connect(url, Map.of(JMXConnector.CREDENTIALS, new String[] {"admin", ""}));
        server = connector.getMBeanServerConnection();
    }

    /** Stops delivery from the queue to its consumers; producers can still send. */
    void pauseConsumers(String queue) throws JMException, IOException {
        server.invoke(config(queue), "pause", new Object[] {"CONSUMERS"}, new String[] {String.class.getName()});
    }

    void resume(String queue) throws JMException, IOException {
        server.invoke(config(queue), "resume", new Object[0], new String[0]);
    }

    private static ObjectName config(String queue) throws JMException {
        return new ObjectName("com.sun.messaging.jms.server:type=Destination,subtype=Config,desttype=q,name=\"" + queue + "\"");
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
