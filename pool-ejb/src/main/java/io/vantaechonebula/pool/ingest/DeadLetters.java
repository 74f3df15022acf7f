package io.vantaechonebula.pool.ingest;

import io.vantaechonebula.chain.encoding.LogText;
import java.util.Enumeration;
import java.util.concurrent.TimeUnit;
import io.vantaechonebula.pool.api.DeadLetter;
import io.vantaechonebula.pool.api.PoolQueues;
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

    @Inject
    private JMSContext jms;

    @Resource(lookup = PoolQueues.NODE_DATA_DLQ_JNDI)
    private Queue deadLetterQueue;

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
            jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).setTimeToLive(TimeUnit.DAYS.toMillis(KEPT_DAYS))
                    .send(deadLetterQueue, letter);
            LOG.warning(() -> "Telemetry message " + messageId(original) + " moved to " + PoolQueues.NODE_DATA_DLQ
                    + ": " + LogText.of(reason));
        } catch (JMSException e) {
            // Throwing leaves the delivery unacknowledged, so the broker keeps the message and redelivers it.
            throw new IllegalStateException("Could not move message " + messageId(original) + " to the dead-letter queue", e);
        }
    }

    /** The oldest dead letters first, at most {@code limit} of them. */
    public List<DeadLetter> browse(int limit) {
        List<DeadLetter> letters = new ArrayList<>();
        try (QueueBrowser browser = jms.createBrowser(deadLetterQueue)) {
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

    private static String messageId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(unknown id)";
        }
    }
}
