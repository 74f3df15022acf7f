package io.vantaechonebula.it;

import com.sun.messaging.ConnectionConfiguration;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

/** A remote JMS producer on the pool's OpenMQ broker, as a node outside the server would be. */
final class Broker implements AutoCloseable {

    private final Connection connection;
    private final Session session;
    private final MessageProducer producer;

    Broker() throws JMSException {
        com.sun.messaging.ConnectionFactory factory = new com.sun.messaging.ConnectionFactory();
        factory.setProperty(ConnectionConfiguration.imqAddressList, System.getProperty("vanta.broker", "mq://localhost:7676"));
        connection = factory.createConnection("guest", "guest");
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        producer = session.createProducer(session.createQueue("NodeData"));
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
