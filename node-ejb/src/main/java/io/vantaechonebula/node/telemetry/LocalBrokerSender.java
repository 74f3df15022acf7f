package io.vantaechonebula.node.telemetry;

import io.vantaechonebula.telemetry.collector.BatchSender;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;

/**
 * Puts batches on the {@code NodeData} queue of this server's own broker, as remote producers
 * do: persistent text messages, each send returning once the broker has the message.
 */
final class LocalBrokerSender implements BatchSender {

    static final String NODE_DATA_QUEUE = "NodeData";

    private final ConnectionFactory factory;

    LocalBrokerSender(ConnectionFactory factory) {
        this.factory = factory;
    }

    @Override
    public void send(String nodeId, JsonObject payload) throws SendFailedException {
        try (JMSContext context = factory.createContext()) {
            TextMessage message = context.createTextMessage(payload.toString());
            message.setStringProperty("vanta_node_id", nodeId);
            message.setStringProperty("vanta_payload_kind", "BATCH");
            context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT)
                    .send(context.createQueue(NODE_DATA_QUEUE), message);
        } catch (JMSRuntimeException | JMSException e) {
            throw new SendFailedException("this server's broker did not take the batch: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "this server's broker (queue " + NODE_DATA_QUEUE + ")";
    }
}
