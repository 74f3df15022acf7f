package io.vantaechonebula.pool.store;

import io.vantaechonebula.pool.pipeline.IngestedBatch;
import io.vantaechonebula.pool.pipeline.PendingBatch;
import io.vantaechonebula.pool.processing.Processors;
import io.vantaechonebula.telemetry.TelemetryPayload;
import io.vantaechonebula.telemetry.TelemetrySample;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores samples once each. A sample whose (node, de-duplication key) is already stored is
 * skipped, so a redelivered or resent payload changes nothing. The new samples of a payload form
 * one stored batch, queued in the same transaction for each processor.
 */
@Stateless
public class SampleStore {

    @PersistenceContext(unitName = "pool")
    private EntityManager em;

    @EJB
    private NodeRegistry registry;

    /** @return how many of the payload's samples were new */
    public int storeAll(TelemetryPayload payload, long receivedAtMs) {
        Map<String, ObservedNode> nodes = new HashMap<>();
        IngestedBatch batch = null;
        for (TelemetrySample sample : payload.samples()) {
            ObservedNode node = nodes.computeIfAbsent(sample.nodeId(), id -> lockedNode(sample, receivedAtMs));
            if (em.find(StoredSample.class, new StoredSampleId(sample.nodeId(), sample.dedupKey())) != null) {
                continue;
            }
            if (batch == null) {
                batch = new IngestedBatch(payload.nodeId(), payload.sentAtMillis(), receivedAtMs);
                em.persist(batch);
            }
            em.persist(new StoredSample(sample, receivedAtMs, batch.id()));
            batch.counted();
            node.record(sample.nodeType(), sample.chainId(), sample.timestampMillis(), receivedAtMs);
        }
        if (payload.droppedSamples() != null) {
            nodes.computeIfAbsent(payload.nodeId(), id -> em.find(ObservedNode.class, id, LockModeType.PESSIMISTIC_WRITE))
                    .reportedDropped(payload.droppedSamples());
        }
        if (batch == null) {
            return 0;
        }
        for (String processor : Processors.stageNames()) {
            em.persist(new PendingBatch(processor, batch));
        }
        return batch.sampleCount();
    }

    private ObservedNode lockedNode(TelemetrySample sample, long receivedAtMs) {
        registry.register(sample.nodeId(), sample.nodeType(), sample.chainId(), receivedAtMs);
        // The lock makes concurrent batches of one node see each other's samples and counts in turn.
        return em.find(ObservedNode.class, sample.nodeId(), LockModeType.PESSIMISTIC_WRITE);
    }
}
