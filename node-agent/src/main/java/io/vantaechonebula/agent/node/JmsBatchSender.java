package io.vantaechonebula.agent.node;

import com.sun.messaging.ConnectionConfiguration;
import io.vantaechonebula.telemetry.collector.BatchSender;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;

/**
 * Sends batches to the pool's broker, onto {@code NodeData}, as persistent text messages: a send
 * returns once the broker has stored the message. Connects on first use; a failed send closes the
 * connection, and the next send connects again.
 */
final class JmsBatchSender implements BatchSender {

    static final String NODE_DATA_QUEUE = "NodeData";

    private final String address;
    private final String user;
    private final String password;
    private Connection connection;
    private MessageProducer producer;
    private Session session;

    JmsBatchSender(String address, String user, String password) {
        this.address = address;
        this.user = user;
        this.password = password;
    }

    @Override
    public synchronized void send(String nodeId, JsonObject payload) throws SendFailedException {
        try {
            if (connection == null) {
                connect();
            }
            TextMessage message = session.createTextMessage(payload.toString());
            message.setStringProperty("vanta_node_id", nodeId);
            message.setStringProperty("vanta_payload_kind", "BATCH");
            producer.send(message);
        } catch (JMSException e) {
            close();
            throw new SendFailedException("the broker at " + address + " did not take the batch: " + e.getMessage(), e);
        }
    }

    private void connect() throws JMSException {
        com.sun.messaging.ConnectionFactory factory = new com.sun.messaging.ConnectionFactory();
        factory.setProperty(ConnectionConfiguration.imqAddressList, address);
        factory.setProperty(ConnectionConfiguration.imqReconnectEnabled, "false");
        connection = factory.createConnection(user, password);
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        producer = session.createProducer(session.createQueue(NODE_DATA_QUEUE));
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException e) {
                // Closing is best effort: every batch sent so far was confirmed by the broker.
            }
            connection = null;
        }
    }

    @Override
    public String toString() {
        return "JMS to queue " + NODE_DATA_QUEUE + " at " + address;
    }
}
