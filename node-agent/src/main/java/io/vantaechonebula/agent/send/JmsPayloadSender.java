package io.vantaechonebula.agent.send;

import com.sun.messaging.ConnectionConfiguration;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.net.URI;

/**
 * Sends payloads straight to the pool's OpenMQ broker, onto the {@code NodeData} queue, as
 * persistent text messages; {@code send} returns once the broker has the message.
 */
final class JmsPayloadSender implements PayloadSender {

    static final String NODE_DATA_QUEUE = "NodeData";

    private final String address;
    private final Connection connection;
    private final Session session;
    private final MessageProducer producer;

    JmsPayloadSender(String brokerUrl, String user, String password) throws SendException {
        this.address = brokerAddress(brokerUrl);
        try {
            com.sun.messaging.ConnectionFactory factory = new com.sun.messaging.ConnectionFactory();
            factory.setProperty(ConnectionConfiguration.imqAddressList, address);
            factory.setProperty(ConnectionConfiguration.imqReconnectEnabled, "false");
            connection = factory.createConnection(user, password);
            session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            producer = session.createProducer(session.createQueue(NODE_DATA_QUEUE));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        } catch (JMSException e) {
            throw new SendException("Could not connect to the broker at " + address + " as '" + user + "' (" + e.getMessage()
                    + "); is the system running (./vanta status), and are the broker user and password right?", e);
        }
    }

    /** Accepts {@code mq://host:port} or {@code host:port}. */
    static String brokerAddress(String url) {
        String text = url.trim();
        URI uri = URI.create(text.contains("://") ? text : "mq://" + text);
        if (!"mq".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("--jms takes the broker as mq://host:port, for example mq://localhost:7676, got '"
                    + url + "'");
        }
        return "mq://" + uri.getHost() + ":" + (uri.getPort() == -1 ? 7676 : uri.getPort());
    }

    @Override
    public String send(Outgoing payload) throws SendException {
        try {
            TextMessage message = session.createTextMessage(payload.body().toString());
            message.setStringProperty("vanta_node_id", payload.nodeId());
            message.setStringProperty("vanta_payload_kind", payload.kind());
            producer.send(message);
            return "JMS sent to " + NODE_DATA_QUEUE + " at " + address + " as " + message.getJMSMessageID();
        } catch (JMSException e) {
            throw new SendException("The broker at " + address + " did not take the message: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (JMSException e) {
            // Closing is best effort; every sent message was already confirmed by the broker.
        }
    }
}
