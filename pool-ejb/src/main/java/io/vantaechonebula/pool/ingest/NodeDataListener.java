package io.vantaechonebula.pool.ingest;

import io.vantaechonebula.pool.api.PoolMetrics;
import io.vantaechonebula.pool.config.IntakeSettings;
import io.vantaechonebula.telemetry.IngestLimits;
import java.time.Clock;
import io.vantaechonebula.pool.api.SenderRefusedException;
import io.vantaechonebula.pool.api.SenderVerdict;
import io.vantaechonebula.pool.api.SignedMessage;
import io.vantaechonebula.pool.identity.DoorSeal;
import io.vantaechonebula.pool.identity.SenderChecks;
import io.vantaechonebula.telemetry.IngestAddresses;
import java.util.Optional;
import io.vantaechonebula.pool.config.PoolRole;
import io.vantaechonebula.pool.api.PoolQueues;
import io.vantaechonebula.pool.pipeline.Pipeline;
import io.vantaechonebula.pool.store.GroupCommit;
import io.vantaechonebula.pool.store.ReceivedPayload;
import io.vantaechonebula.telemetry.InvalidTelemetryException;
import io.vantaechonebula.telemetry.TelemetryParser;
import io.vantaechonebula.telemetry.TelemetryPayload;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * Consumes {@code NodeData}: validates each payload on arrival, whoever sent it, and stores its
 * samples once each. A payload that breaks the schema goes to the dead-letter queue with the
 * reason; any other failure throws, so the broker redelivers and nothing is lost.
 *
 * <p>There is no transaction around a delivery: the message is acknowledged when
 * {@code onMessage} returns, which is after its samples are committed ({@link GroupCommit} shares
 * one commit among the payloads that arrive together, so many deliveries run at once). A server
 * that dies between the commit and the acknowledgement gets the message again, and de-duplication
 * stores nothing twice.
 *
 * <p>Each broker's own settings for it (deliveries at once, redelivery) are in descriptors the other
 * server ignores: {@code META-INF/glassfish-ejb-jar.xml} (OpenMQ) and {@code META-INF/jboss-ejb3.xml} (Artemis).
 */
@JMSDestinationDefinition(name = PoolQueues.NODE_DATA_JNDI, interfaceName = "jakarta.jms.Queue",
        destinationName = PoolQueues.NODE_DATA)
@JMSDestinationDefinition(name = PoolQueues.NODE_DATA_DLQ_JNDI, interfaceName = "jakarta.jms.Queue",
        destinationName = PoolQueues.NODE_DATA_DLQ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = PoolQueues.NODE_DATA_JNDI),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
public class NodeDataListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(NodeDataListener.class.getName());


    @EJB
    private GroupCommit store;

    @EJB
    private DeadLetters deadLetters;

    @EJB
    private DoorSeal seal;

    @EJB
    private SenderChecks senders;

    @EJB
    private Pipeline pipeline;


    @Override
    public void onMessage(Message message) {
        try {
            consume(message);
        } catch (RuntimeException e) {
            // Not acknowledged: the broker delivers the message again, and the count shows operators it happened.
            PoolMetrics.MESSAGES_ROLLED_BACK.inc();
            throw e;
        }
    }

    private void consume(Message message) {
        if (!PoolRole.runsHere()) {
            // Set aside with the reason, not stored: nothing here would ever process it.
            reject(message, null, PoolRole.offReason());
            return;
        }
        IngestLimits limits = IntakeSettings.ingestLimits();
        String body;
        try {
            body = textOf(message, limits.maxBodyBytes());
        } catch (UnreadableMessageException e) {
            reject(message, null, e.getMessage());
            return;
        }
        long bytes = utf8Length(body);
        if (bytes > limits.maxBodyBytes()) {
            reject(message, body, "the message is " + bytes + " bytes; at most " + limits.maxBodyBytes()
                    + " (vanta.ingest.max-body-bytes) are taken over JMS as over HTTP: send fewer samples per message");
            return;
        }
        TelemetryPayload payload;
        try {
            payload = new TelemetryParser(Clock.systemUTC(), limits.maxSamplesPerBatch()).parse(body, null);
        } catch (InvalidTelemetryException e) {
            reject(message, body, "invalid telemetry: " + e.getMessage());
            return;
        }
        SenderVerdict sender;
        try {
            sender = senderOf(message, body, payload.nodeId());
        } catch (SenderRefusedException e) {
            PoolMetrics.SENDERS_REFUSED.inc();
            reject(message, body, "refused sender: " + e.getMessage());
            return;
        }
        int stored = store.store(new ReceivedPayload(payload, System.currentTimeMillis(), pipeline.stageNames(), sender));
        IntakeDrill.check(payload.nodeId());
        int duplicates = payload.samples().size() - stored;
        PoolMetrics.SAMPLES_STORED.inc(stored);
        pipeline.stored(stored, payload.sentAtMillis());
        PoolMetrics.SAMPLES_DUPLICATE.inc(duplicates);
        LOG.fine(() -> "Stored " + stored + " samples of node " + payload.nodeId() + " (" + duplicates + " already stored)");
    }

    /** The HTTP door's sealed word where it checked the payload, else the JMS message's own signature. */
    private SenderVerdict senderOf(Message message, String body, String nodeId) throws SenderRefusedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Optional<SenderVerdict> sealed = seal.unseal(property(message, DoorSeal.PROPERTY), nodeId, bytes);
        if (sealed.isPresent()) {
            return sealed.get();
        }
        SignedMessage signed = new SignedMessage(null, null, property(message, IngestAddresses.CONTENT_DIGEST_PROPERTY),
                property(message, IngestAddresses.SIGNATURE_INPUT_PROPERTY), property(message, IngestAddresses.SIGNATURE_PROPERTY));
        try {
            return senders.verdict(nodeId, signed, bytes, message.getJMSMessageID());
        } catch (JMSException e) {
            throw new IllegalStateException("Could not read a NodeData message's id", e);
        }
    }

    /** The text's length in UTF-8 bytes, counted without copying it. */
    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** A string property, or null when the message has none (or one of another type). */
    private static String property(Message message, String name) {
        try {
            return message.propertyExists(name) ? message.getStringProperty(name) : null;
        } catch (JMSException | RuntimeException e) {
            return null;
        }
    }

    private void reject(Message message, String body, String reason) {
        deadLetters.divert(message, body, reason);
        PoolMetrics.DEAD_LETTERS.inc();
    }

    /** The message's text; a BytesMessage over the limit is refused before it is read. */
    private static String textOf(Message message, long maxBodyBytes) throws UnreadableMessageException {
        try {
            if (message instanceof TextMessage text) {
                String body = text.getText();
                if (body == null) {
                    throw new UnreadableMessageException("the TextMessage has no body");
                }
                return body;
            }
            if (message instanceof BytesMessage bytes) {
                if (bytes.getBodyLength() > maxBodyBytes) {
                    throw new UnreadableMessageException("the message is " + bytes.getBodyLength() + " bytes; at most " + maxBodyBytes
                            + " (vanta.ingest.max-body-bytes) are taken over JMS as over HTTP: send fewer samples per message");
                }
                byte[] content = new byte[(int) bytes.getBodyLength()];
                bytes.readBytes(content);
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(content)).toString();
            }
            throw new UnreadableMessageException("a NodeData message must be a TextMessage (or BytesMessage) of UTF-8 JSON, got "
                    + message.getClass().getSimpleName());
        } catch (CharacterCodingException e) {
            throw new UnreadableMessageException("the BytesMessage is not UTF-8 text");
        } catch (JMSException e) {
            throw new IllegalStateException("Could not read a NodeData message", e);
        }
    }

    private static final class UnreadableMessageException extends Exception {
        UnreadableMessageException(String message) {
            super(message);
        }
    }
}
