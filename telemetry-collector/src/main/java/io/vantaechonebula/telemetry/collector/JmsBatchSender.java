package io.vantaechonebula.telemetry.collector;

import io.vantaechonebula.telemetry.IngestAddresses;
import io.vantaechonebula.telemetry.PayloadKind;
import io.vantaechonebula.telemetry.signing.NodeSigner;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * Puts payloads on the pool's {@code NodeData} queue as persistent text messages, each send returning
 * once the broker has stored the message. Each send has a context of its own, so a broker that went
 * away costs one failed send, and the next connects afresh; the server passes its own broker's
 * factory, {@code ./vanta} one for the pool's broker over the network.
 */
public final class JmsBatchSender implements BatchSender {

    private final ConnectionFactory factory;
    private final Optional<Login> login;
    private final Optional<NodeSigner> signer;
    private final String broker;

    /** A broker user and password. */
    public record Login(String user, String password) {
    }

    /**
     * @param login  the broker user to connect as; empty for the factory's own
     * @param broker where the factory connects, for messages
     */
    public JmsBatchSender(ConnectionFactory factory, Optional<Login> login, String broker, Optional<NodeSigner> signer) {
        this.factory = factory;
        this.login = login;
        this.broker = broker;
        this.signer = signer;
    }

    @Override
    public String send(String nodeId, PayloadKind kind, JsonObject payload) throws SendFailedException {
        try (JMSContext context = login.map(as -> factory.createContext(as.user(), as.password()))
                .orElseGet(factory::createContext)) {
            String body = payload.toString();
            TextMessage message = context.createTextMessage(body);
            message.setStringProperty(IngestAddresses.NODE_ID_PROPERTY, nodeId);
            if (signer.isPresent()) {
                for (Map.Entry<String, String> property : signer.get().messageProperties(body.getBytes(StandardCharsets.UTF_8)).entrySet()) {
                    message.setStringProperty(property.getKey(), property.getValue());
                }
            }
            message.setStringProperty(IngestAddresses.PAYLOAD_KIND_PROPERTY, kind.name());
            context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT)
                    .send(context.createQueue(IngestAddresses.NODE_DATA_QUEUE), message);
            return "JMS sent to " + IngestAddresses.NODE_DATA_QUEUE + " (" + broker + ") as " + message.getJMSMessageID();
        } catch (JMSRuntimeException | JMSException e) {
            String problem = String.valueOf(e.getMessage());
            String hint = problem.contains("C4098")
                    ? "; a broker open to other machines takes TLS only: address it as mqssl://host:7676"
                    : login.map(as -> "; is the pool running (./vanta status), and may broker user '" + as.user()
                    + "' connect with that password?").orElse("");
            throw new SendFailedException(Character.toUpperCase(broker.charAt(0)) + broker.substring(1)
                    + " did not take the payload: " + problem + hint, e);
        }
    }

    @Override
    public String toString() {
        return "JMS to queue " + IngestAddresses.NODE_DATA_QUEUE + " (" + broker + ")";
    }
}
