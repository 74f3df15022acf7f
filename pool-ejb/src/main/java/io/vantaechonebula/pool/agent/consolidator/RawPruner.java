package io.vantaechonebula.pool.agent.consolidator;

import io.vantaechonebula.pool.store.IngestedBatch;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Deletes raw samples a batch at a time, only batches that every stage has processed (so they are
 * in the aggregates), each call in its own short transaction.
 */
@Stateless
public class RawPruner {

    @PersistenceContext(unitName = "pool")
    private EntityManager em;

    /**
     * Deletes up to {@code maxBatches} of the oldest processed batches received before {@code beforeMs}.
     *
     * @return the samples deleted
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int pruneBatches(long beforeMs, int maxBatches) {
        List<Long> ids = em.createNamedQuery(IngestedBatch.PRUNABLE, Long.class)
                .setParameter("before", beforeMs)
                .setMaxResults(maxBatches)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        Long samples = em.createQuery("SELECT SUM(b.sampleCount) FROM IngestedBatch b WHERE b.id IN :ids", Long.class)
                .setParameter("ids", ids).getSingleResult();
        em.createQuery("DELETE FROM SampleBlock s WHERE s.batchId IN :ids").setParameter("ids", ids).executeUpdate();
        em.createQuery("DELETE FROM IngestedBatch b WHERE b.id IN :ids").setParameter("ids", ids).executeUpdate();
        return samples == null ? 0 : samples.intValue();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int pruneTrainingRecords(long beforeMs) {
        return em.createQuery("DELETE FROM TrainingRecord t WHERE t.receivedAtMs < :before")
                .setParameter("before", beforeMs).executeUpdate();
    }

    /** The raw samples in stored batches, as their batches count them. */
    public long rawSamples() {
        Long samples = em.createQuery("SELECT SUM(b.sampleCount) FROM IngestedBatch b", Long.class).getSingleResult();
        return samples == null ? 0 : samples;
    }
}
