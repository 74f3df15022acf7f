package io.vantaechonebula.pool.agent.consolidator;

import io.vantaechonebula.pool.stage.Subjects;
import io.vantaechonebula.pool.store.IngestedBatch;
import io.vantaechonebula.pool.store.ObservedNode;
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

    static final long ESTIMATED_BYTES_PER_SAMPLE = 130;
    /** A batch's stored bytes; batches from before they were counted at the bytes a sample takes in a block on average. */
    private static final String BYTES = "COALESCE(b.storedBytes, b.sampleCount * " + ESTIMATED_BYTES_PER_SAMPLE + ")";

    @PersistenceContext(unitName = "pool")
    private EntityManager em;

    /** What one call deleted. */
    public record Pruned(long samples, long bytes) {
        static final Pruned NOTHING = new Pruned(0, 0);
    }

    /** Deletes up to {@code maxBatches} of the oldest processed batches received before {@code beforeMs}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Pruned pruneBatches(long beforeMs, int maxBatches) {
        List<Long> ids = em.createNamedQuery(IngestedBatch.PRUNABLE, Long.class)
                .setParameter("before", beforeMs)
                .setMaxResults(maxBatches)
                .getResultList();
        if (ids.isEmpty()) {
            return Pruned.NOTHING;
        }
        Object[] sizes = em.createQuery("SELECT SUM(b.sampleCount), SUM(" + BYTES + ") FROM IngestedBatch b WHERE b.id IN :ids",
                Object[].class).setParameter("ids", ids).getSingleResult();
        em.createQuery("DELETE FROM SampleBlock s WHERE s.batchId IN :ids").setParameter("ids", ids).executeUpdate();
        em.createQuery("DELETE FROM IngestedBatch b WHERE b.id IN :ids").setParameter("ids", ids).executeUpdate();
        return new Pruned(sizes[0] == null ? 0 : ((Number) sizes[0]).longValue(), sizes[1] == null ? 0 : ((Number) sizes[1]).longValue());
    }

    /**
     * Retires up to {@code max} nodes silent since before {@code beforeMs}: the pool forgets the node,
     * its statistics and its minute and hour aggregates (a node that comes back starts afresh); its
     * findings stay, as the record of what happened.
     *
     * @return the node ids retired
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<String> retireNodes(long beforeMs, int max) {
        List<String> silent = em.createNamedQuery(ObservedNode.SILENT_SINCE, String.class)
                .setParameter("before", beforeMs).setMaxResults(max).getResultList();
        for (String nodeId : silent) {
            String subject = Subjects.node(nodeId);
            String onChains = subject.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%";
            for (String entity : List.of("RollingStatistic", "PairStatistic", "ModelRecord")) {
                em.createQuery("DELETE FROM " + entity + " s WHERE s.subject = :subject OR s.subject LIKE :onChains ESCAPE '\\'")
                        .setParameter("subject", subject).setParameter("onChains", onChains).executeUpdate();
            }
            em.createQuery("DELETE FROM MetricAggregate a WHERE a.nodeId = :nodeId").setParameter("nodeId", nodeId).executeUpdate();
            em.createQuery("DELETE FROM ObservedNode n WHERE n.nodeId = :nodeId").setParameter("nodeId", nodeId).executeUpdate();
        }
        return silent;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int pruneTrainingRecords(long beforeMs) {
        return em.createQuery("DELETE FROM TrainingRecord t WHERE t.receivedAtMs < :before")
                .setParameter("before", beforeMs).executeUpdate();
    }

    /** The bytes the raw samples take in their blocks, as their batches count them. */
    public long rawBytes() {
        Number bytes = em.createQuery("SELECT SUM(" + BYTES + ") FROM IngestedBatch b", Number.class).getSingleResult();
        return bytes == null ? 0 : bytes.longValue();
    }
}
