package io.vantaechonebula.pool.ingest;

import io.vantaechonebula.chain.encoding.LogText;
import java.util.Enumeration;
import java.util.concurrent.TimeUnit;
import io.vantaechonebula.pool.api.DeadLetter;
import io.vantaechonebula.pool.api.DeadLetterException;
import io.vantaechonebula.pool.api.PoolQueues;
import io.vantaechonebula.pool.identity.DoorSeal;
import io.vantaechonebula.telemetry.IngestAddresses;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The {@code NodeDataDLQ} queue: payloads that can never be stored, kept with the reason so an
 * operator can see what a node sent and fix it. Nothing is dropped silently, and nothing grows
 * without end: a letter keeps the first {@value #KEPT_CHARS} characters of the body (and its
 * length), a reason of at most {@value #MAX_REASON_CHARS}, and expires after {@value #KEPT_DAYS} days.
 */
@Stateless
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class.getName());
    private static final int EXCERPT_CHARS = 500;
    static final int KEPT_CHARS = 4096;
    static final int MAX_REASON_CHARS = 2000;
    static final int KEPT_DAYS = 7;
    static final String BODY_LENGTH_PROPERTY = "vanta_body_chars";
    private static final List<String> SENDER_PROPERTIES = List.of(DoorSeal.PROPERTY, IngestAddresses.NODE_ID_PROPERTY,
            IngestAddresses.PAYLOAD_KIND_PROPERTY, IngestAddresses.CONTENT_DIGEST_PROPERTY,
            IngestAddresses.SIGNATURE_INPUT_PROPERTY, IngestAddresses.SIGNATURE_PROPERTY);
    /** What a JMS message id looks like, so that one put in a selector selects nothing else. */
    private static final java.util.regex.Pattern MESSAGE_ID = java.util.regex.Pattern.compile("ID:[A-Za-z0-9:._()-]{1,200}");

    @Inject
    private JMSContext jms;

    @Resource(lookup = PoolQueues.NODE_DATA_DLQ_JNDI)
    private Queue deadLetterQueue;

    @Resource(lookup = PoolQueues.NODE_DATA_JNDI)
    private Queue nodeData;

    /** Copies a message to the dead-letter queue; the caller acknowledges the original afterwards. */
    public void divert(Message original, String body, String reason) {
        try {
            String text = body == null ? "" : body;
            TextMessage letter = jms.createTextMessage(text.length() <= KEPT_CHARS ? text : text.substring(0, KEPT_CHARS));
            letter.setIntProperty(BODY_LENGTH_PROPERTY, text.length());
            letter.setStringProperty(PoolQueues.REASON_PROPERTY,
                    reason.length() <= MAX_REASON_CHARS ? reason : reason.substring(0, MAX_REASON_CHARS) + "…");
            letter.setStringProperty(PoolQueues.FAILED_AT_PROPERTY, Instant.now().toString());
            letter.setStringProperty(PoolQueues.ORIGINAL_ID_PROPERTY, original.getJMSMessageID());
            if (original.propertyExists(IngestAddresses.NODE_ID_PROPERTY)) {
                letter.setStringProperty(IngestAddresses.NODE_ID_PROPERTY, original.getStringProperty(IngestAddresses.NODE_ID_PROPERTY));
            }
            if (text.length() <= KEPT_CHARS) {
                // What vouches for the sender goes with a whole body, so that a letter sent again is checked again.
                for (String name : SENDER_PROPERTIES) {
                    if (original.propertyExists(name)) {
                        letter.setStringProperty(name, original.getStringProperty(name));
                    }
                }
            }
            jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).setTimeToLive(TimeUnit.DAYS.toMillis(KEPT_DAYS))
                    .send(deadLetterQueue, letter);
            LOG.warning(() -> "Telemetry message " + messageId(original) + " moved to " + PoolQueues.NODE_DATA_DLQ
                    + ": " + LogText.of(reason));
        } catch (JMSException e) {
            // Throwing leaves the delivery unacknowledged, so the broker keeps the message and redelivers it.
            throw new IllegalStateException("Could not move message " + messageId(original) + " to the dead-letter queue", e);
        }
    }

    /** The oldest dead letters first, at most {@code limit} of them; of one node only if {@code nodeId} is not null. */
    public List<DeadLetter> browse(String nodeId, int limit) {
        List<DeadLetter> letters = new ArrayList<>();
        String selector = nodeId == null ? null : IngestAddresses.NODE_ID_PROPERTY + " = '" + nodeId.replace("'", "''") + "'";
        try (QueueBrowser browser = jms.createBrowser(deadLetterQueue, selector)) {
            Enumeration<?> queued = browser.getEnumeration();
            while (queued.hasMoreElements() && letters.size() < limit) {
                Message message = (Message) queued.nextElement();
                // OpenMQ reads an empty text body back as null.
                String body = message instanceof TextMessage text && text.getText() != null ? text.getText() : "";
                letters.add(new DeadLetter(message.getJMSMessageID(),
                        message.getStringProperty(PoolQueues.ORIGINAL_ID_PROPERTY),
                        message.getStringProperty(PoolQueues.REASON_PROPERTY),
                        message.getStringProperty(PoolQueues.FAILED_AT_PROPERTY),
                        body.length() <= EXCERPT_CHARS ? body : body.substring(0, EXCERPT_CHARS) + "…"));
            }
        } catch (JMSException e) {
            throw new IllegalStateException("Could not read the dead-letter queue " + PoolQueues.NODE_DATA_DLQ, e);
        }
        return letters;
    }

    /**
     * Takes a letter off the queue and puts its body, with what vouched for its sender, on {@code NodeData}
     * again, in the caller's transaction: the intake checks it as it checked it the first time.
     *
     * @throws DeadLetterException if there is no such letter, or its body was cut and cannot be sent whole
     */
    public String requeue(String messageId) throws DeadLetterException {
        Message letter = take(messageId);
        try {
            String body = letter instanceof TextMessage text && text.getText() != null ? text.getText() : "";
            if (letter.propertyExists(BODY_LENGTH_PROPERTY) && letter.getIntProperty(BODY_LENGTH_PROPERTY) > body.length()) {
                throw new DeadLetterException("Dead letter " + messageId + " keeps only the first " + body.length() + " of "
                        + letter.getIntProperty(BODY_LENGTH_PROPERTY) + " characters; it cannot be sent again whole. Discard it"
                        + " and have the node send again.");
            }
            TextMessage again = jms.createTextMessage(body);
            for (String name : SENDER_PROPERTIES) {
                if (letter.propertyExists(name)) {
                    again.setStringProperty(name, letter.getStringProperty(name));
                }
            }
            jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(nodeData, again);
            LOG.info(() -> "Dead letter " + messageId + " sent to " + PoolQueues.NODE_DATA + " again as " + messageId(again));
            return letter.getStringProperty(PoolQueues.REASON_PROPERTY);
        } catch (JMSException e) {
            throw new IllegalStateException("Could not send dead letter " + messageId + " again", e);
        }
    }

    /** Takes a letter off the queue for good, in the caller's transaction; answers the reason it was set aside for. */
    public String discard(String messageId) throws DeadLetterException {
        Message letter = take(messageId);
        try {
            return letter.getStringProperty(PoolQueues.REASON_PROPERTY);
        } catch (JMSException e) {
            return null;
        }
    }

    private Message take(String messageId) throws DeadLetterException {
        if (messageId == null || !MESSAGE_ID.matcher(messageId).matches()) {
            String shown = String.valueOf(messageId);
            throw new DeadLetterException("'" + LogText.of(shown.length() > 80 ? shown.substring(0, 80) + "…" : shown)
                    + "' is not a message id; the dead letters' ids start with ID: and have at most 200 characters");
        }
        try (var consumer = jms.createConsumer(deadLetterQueue, "JMSMessageID = '" + messageId + "'")) {
            Message letter = consumer.receive(2_000);
            if (letter == null) {
                throw new DeadLetterException("There is no dead letter " + messageId + " (any more): it may have been sent"
                        + " again, discarded or expired after " + KEPT_DAYS + " days");
            }
            return letter;
        }
    }

    private static String messageId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(unknown id)";
        }
    }
}
