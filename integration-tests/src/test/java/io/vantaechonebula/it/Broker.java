package io.vantaechonebula.it;

import com.sun.messaging.ConnectionConfiguration;
import io.vantaechonebula.agent.broker.ArtemisBroker;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** A remote JMS producer on the pool's broker (OpenMQ or Artemis), as a node outside the server would be. */
final class Broker implements AutoCloseable {

    /** The producers' user the test server has: OpenMQ's stock guest, or the one ./vanta gave WildFly. */
    static final String USER = System.getProperty("vanta.broker.user", "guest");
    static final String PASSWORD = System.getProperty("vanta.broker.password", "guest");

    private final Connection connection;
    private final Session session;
    private final MessageProducer producer;

    Broker() throws JMSException {
        connection = factory().createConnection(USER, PASSWORD);
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        producer = session.createProducer(session.createQueue("NodeData"));
    }

    /** The broker's address, as nodes are given it: {@code mq://} for OpenMQ, {@code tcp://} for Artemis. */
    static String address() {
        return System.getProperty("vanta.broker", "mq://localhost:7676");
    }

    private static ConnectionFactory factory() throws JMSException {
        if (ArtemisBroker.names(address())) {
            ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(ArtemisBroker.address(address(), "vanta.broker"));
            factory.setEnable1xPrefixes(true);
            return factory;
        }
        com.sun.messaging.ConnectionFactory factory = new com.sun.messaging.ConnectionFactory();
        factory.setProperty(ConnectionConfiguration.imqAddressList, address());
        return factory;
    }

    Session session() {
        return session;
    }

    void send(Message message) throws JMSException {
        producer.send(message);
    }

    void sendText(String text) throws JMSException {
        send(session.createTextMessage(text));
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
