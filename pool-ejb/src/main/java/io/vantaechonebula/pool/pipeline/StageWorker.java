package io.vantaechonebula.pool.pipeline;

import io.vantaechonebula.pool.api.PoolQueues;
import io.vantaechonebula.pool.stage.SampleProcessor;
import io.vantaechonebula.pool.stage.StageResult;
import io.vantaechonebula.pool.statistics.JpaStatistics;
import io.vantaechonebula.pool.store.DeadBatch;
import io.vantaechonebula.pool.store.IngestedBatch;
import io.vantaechonebula.pool.store.PendingBatch;
import io.vantaechonebula.pool.store.RecentBatches;
import io.vantaechonebula.pool.store.SampleBlock;
import io.vantaechonebula.pool.store.StoredSample;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one processor over its oldest waiting batches, in one transaction: the processor's
 * statistics, the batches leaving its backlog, and its result on the {@code Training} queue
 * commit together or not at all.
 */
@Stateless
public class StageWorker {

    private static final JsonProvider JSON = JsonProvider.provider();

    @PersistenceContext(unitName = "pool")
    private EntityManager em;

    @Inject
    private JMSContext jms;

    @EJB
    private RecentBatches recent;

    @Resource(lookup = PoolQueues.TRAINING_JNDI)
    private Queue training;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public StageRun processNext(SampleProcessor<?> processor, int maxBatches) {
        return process(processor, 0, maxBatches);
    }

    /** Processes the one batch after the oldest: whether the stage works on anything but its oldest batch. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public StageRun processTheOneAfterTheOldest(SampleProcessor<?> processor) {
        return process(processor, 1, 1);
    }

    private StageRun process(SampleProcessor<?> processor, int skip, int maxBatches) {
        List<PendingBatch> pending = em.createNamedQuery(PendingBatch.OLDEST, PendingBatch.class)
                .setParameter("processor", processor.name())
                .setFirstResult(skip)
                .setMaxResults(maxBatches)
                .getResultList();
        if (pending.isEmpty()) {
            return StageRun.NOTHING;
        }
        List<Long> batchIds = pending.stream().map(PendingBatch::batchId).toList();
        List<StoredSample> samples = samplesOf(batchIds);
        JpaStatistics statistics = new JpaStatistics(em, processor.name());
        StageResult result = processor.process(samples, statistics);
        statistics.flush();
        FailureDrill.check(processor.name(), samples);
        em.createNamedQuery(PendingBatch.DONE)
                .setParameter("processor", processor.name())
                .setParameter("batchIds", batchIds)
                .executeUpdate();
        if (processor.feedsTraining()) {
            sendToTraining(processor, batchIds, samples.size(), result);
        }
        return new StageRun(batchIds.size(), samples.size(), pending.stream().mapToLong(PendingBatch::sentAtMs).toArray());
    }

    /**
     * Sets the stage's oldest waiting batch aside as dead, with the error it keeps failing on, so
     * that the stage goes on with the batches after it.
     *
     * @return the batch set aside, or null when the stage has nothing waiting
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public DeadBatch setOldestAside(String processor, int attempts, String error) {
        List<PendingBatch> oldest = em.createNamedQuery(PendingBatch.OLDEST, PendingBatch.class)
                .setParameter("processor", processor).setMaxResults(1).getResultList();
        if (oldest.isEmpty()) {
            return null;
        }
        PendingBatch pending = oldest.get(0);
        IngestedBatch batch = em.find(IngestedBatch.class, pending.batchId());
        DeadBatch dead = new DeadBatch(processor, batch, attempts, error, System.currentTimeMillis());
        em.persist(dead);
        em.remove(pending);
        return dead;
    }

    /**
     * Drops the backlog of stages this version no longer runs (renamed or removed): nothing would
     * ever take it, and raw samples are kept until every stage has taken them.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int forgetStagesOtherThan(List<String> stages) {
        return em.createNamedQuery(PendingBatch.OF_OTHER_STAGES).setParameter("stages", stages).executeUpdate();
    }

    /** The batches' samples in batch order: from memory where the intake left them, the rest from the database. */
    private List<StoredSample> samplesOf(List<Long> batchIds) {
        Map<Long, List<StoredSample>> byBatch = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (Long id : batchIds) {
            List<StoredSample> kept = recent.take(id);
            if (kept != null) {
                byBatch.put(id, kept);
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            for (SampleBlock block : em.createNamedQuery(SampleBlock.OF_BATCHES, SampleBlock.class)
                    .setParameter("batchIds", missing).getResultList()) {
                List<StoredSample> ofBatch = byBatch.computeIfAbsent(block.batchId(), id -> new ArrayList<>());
                block.samples().forEach(sample -> ofBatch.add(new StoredSample(sample)));
            }
            missing.forEach(id -> byBatch.getOrDefault(id, new ArrayList<>())
                    .sort(Comparator.comparingLong(stored -> stored.sample().timestampMillis())));
        }
        List<StoredSample> samples = new ArrayList<>();
        batchIds.forEach(id -> samples.addAll(byBatch.getOrDefault(id, List.of())));
        return samples;
    }

    private void sendToTraining(SampleProcessor<?> processor, List<Long> batchIds, int samples, StageResult result) {
        String message = JSON.createObjectBuilder()
                .add("processor", processor.name())
                .add("batches", batchIds.size())
                .add("samples", samples)
                .add("first_batch_id", batchIds.get(0))
                .add("last_batch_id", batchIds.get(batchIds.size() - 1))
                .add("result", result.json())
                .build().toString();
        jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).setProperty("vanta_processor", processor.name())
                .send(training, message);
    }
}
