package io.vantaechonebula.pool.agent.learningengine;

import io.vantaechonebula.pool.api.PoolQueues;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;

/**
 * Takes processor results off the {@code Training} queue, up to a batch at a time, and keeps them
 * as training records; the messages leave the queue in the transaction that stores them.
 */
@Stateless
public class TrainingConsumer {

    private static final Logger LOG = Logger.getLogger(TrainingConsumer.class.getName());
    private static final long FIRST_WAIT_MILLIS = 100;

    @PersistenceContext(unitName = "pool")
    private EntityManager em;

    @Inject
    private JMSContext jms;

    @Resource(lookup = PoolQueues.TRAINING_JNDI)
    private Queue training;

    /** @return how many results were taken */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int takeBatch(int max) {
        int taken = 0;
        long now = System.currentTimeMillis();
        try (JMSConsumer consumer = jms.createConsumer(training)) {
            while (taken < max) {
                Message message = taken == 0 ? consumer.receive(FIRST_WAIT_MILLIS) : consumer.receiveNoWait();
                if (message == null) {
                    break;
                }
                taken++;
                if (!(message instanceof TextMessage text)) {
                    LOG.warning(() -> "Dropped a message on " + PoolQueues.TRAINING + " that is not text: " + message);
                    continue;
                }
                em.persist(new TrainingRecord(message.getStringProperty("vanta_processor"), now, text.getText()));
            }
        } catch (JMSException e) {
            throw new IllegalStateException("Could not read the " + PoolQueues.TRAINING + " queue: " + e.getMessage(), e);
        }
        return taken;
    }
}
