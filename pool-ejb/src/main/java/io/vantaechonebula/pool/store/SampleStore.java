package io.vantaechonebula.pool.store;

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
 * skipped, so a redelivered or resent payload changes nothing.
 */
@Stateless
public class SampleStore {

    @PersistenceContext(unitName = "pool")
    private EntityManager em;

    @EJB
    private NodeRegistry registry;

    /** @return how many of the samples were new */
    public int storeAll(List<TelemetrySample> samples, long receivedAtMs) {
        Map<String, ObservedNode> nodes = new HashMap<>();
        int stored = 0;
        for (TelemetrySample sample : samples) {
            ObservedNode node = nodes.computeIfAbsent(sample.nodeId(), id -> lockedNode(sample, receivedAtMs));
            if (em.find(StoredSample.class, new StoredSampleId(sample.nodeId(), sample.dedupKey())) != null) {
                continue;
            }
            em.persist(new StoredSample(sample, receivedAtMs));
            node.record(sample.nodeType(), sample.chainId(), sample.timestampMillis(), receivedAtMs);
            stored++;
        }
        return stored;
    }

    private ObservedNode lockedNode(TelemetrySample sample, long receivedAtMs) {
        registry.register(sample.nodeId(), sample.nodeType(), sample.chainId(), receivedAtMs);
        // The lock makes concurrent batches of one node see each other's samples and counts in turn.
        return em.find(ObservedNode.class, sample.nodeId(), LockModeType.PESSIMISTIC_WRITE);
    }
}
