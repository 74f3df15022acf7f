package io.vantaechonebula.pool.store;

import io.vantaechonebula.pool.pipeline.IngestedBatch;
import io.vantaechonebula.pool.pipeline.PendingBatch;
import io.vantaechonebula.pool.pipeline.RecentBatches;
import io.vantaechonebula.pool.processing.Processors;
import io.vantaechonebula.telemetry.TelemetryPayload;
import io.vantaechonebula.telemetry.TelemetrySample;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stores samples once each. A sample whose (node, de-duplication key) is already stored is
 * skipped, so a redelivered or resent payload changes nothing. The new samples of a payload form
 * one stored batch, queued in the same transaction for each stage of the pipeline. Many payloads
 * share one transaction ({@link GroupCommit}).
 */
@Stateless
public class SampleStore {

    @PersistenceContext(unitName = "pool")
    private EntityManager em;

    @EJB
    private NodeRegistry registry;

    @EJB
    private RecentBatches recent;

    /**
     * Stores the payloads in one transaction, in order: one database commit for many payloads is
     * what lets the intake keep up with thousands of samples a second.
     *
     * @return for each payload, how many of its samples were new
     */
    public int[] storeGroup(List<ReceivedPayload> payloads) {
        Group group = new Group();
        int[] stored = new int[payloads.size()];
        for (int i = 0; i < stored.length; i++) {
            stored[i] = store(payloads.get(i), group);
        }
        return stored;
    }

    private int store(ReceivedPayload received, Group group) {
        TelemetryPayload payload = received.payload();
        long receivedAtMs = received.receivedAtMs();
        Map<String, Set<String>> known = new HashMap<>();
        IngestedBatch batch = null;
        List<SampleView> views = new ArrayList<>();
        for (TelemetrySample sample : payload.samples()) {
            ObservedNode node = group.nodes.computeIfAbsent(sample.nodeId(), id -> lockedNode(sample, receivedAtMs));
            Set<String> keys = known.computeIfAbsent(sample.nodeId(), id -> storedKeys(node, payload.samples(), group));
            if (!keys.add(sample.dedupKey())) {
                continue;
            }
            if (batch == null) {
                batch = new IngestedBatch(payload.nodeId(), payload.sentAtMillis(), receivedAtMs);
                em.persist(batch);
            }
            StoredSample row = new StoredSample(sample, receivedAtMs, batch.id());
            em.persist(row);
            views.add(row.toView());
            group.keysOf(sample.nodeId()).add(sample.dedupKey());
            batch.counted();
            node.record(sample, receivedAtMs);
        }
        if (payload.droppedSamples() != null) {
            group.nodes.computeIfAbsent(payload.nodeId(), id -> em.find(ObservedNode.class, id, LockModeType.PESSIMISTIC_WRITE))
                    .reportedDropped(payload.droppedSamples());
        }
        if (batch == null) {
            return 0;
        }
        for (String stage : Processors.stageNames()) {
            em.persist(new PendingBatch(stage, batch));
        }
        recent.put(batch.id(), views, Processors.stageNames().size());
        return batch.sampleCount();
    }

    /** What one transaction has locked and stored so far, per node. */
    private static final class Group {
        final Map<String, ObservedNode> nodes = new HashMap<>();
        final Map<String, Set<String>> storedKeys = new HashMap<>();

        Set<String> keysOf(String nodeId) {
            return storedKeys.computeIfAbsent(nodeId, id -> new HashSet<>());
        }
    }

    /**
     * Which of the payload's samples of this node are stored already. A node's new payload usually
     * carries only samples after all it sent before, which its row tells without a query; a resend,
     * or samples out of order, costs one query for the payload, not one per sample.
     */
    private Set<String> storedKeys(ObservedNode node, List<TelemetrySample> samples, Group group) {
        // Stored earlier in this transaction: possibly not yet written, so the query may not see them.
        Set<String> keys = new HashSet<>(group.keysOf(node.nodeId()));
        List<TelemetrySample> ofNode = samples.stream().filter(s -> s.nodeId().equals(node.nodeId())).toList();
        if (ofNode.stream().allMatch(node::certainlyNew)) {
            return keys;
        }
        keys.addAll(em.createNamedQuery(StoredSample.STORED_KEYS, String.class)
                .setParameter("nodeId", node.nodeId())
                .setParameter("keys", ofNode.stream().map(TelemetrySample::dedupKey).toList())
                .getResultList());
        return keys;
    }

    private ObservedNode lockedNode(TelemetrySample sample, long receivedAtMs) {
        if (!NodeRegistry.known(sample.nodeId())) {
            registry.register(sample.nodeId(), sample.nodeType(), sample.chainId(), receivedAtMs);
        }
        // The lock makes concurrent batches of one node see each other's samples and counts in turn.
        ObservedNode node = em.find(ObservedNode.class, sample.nodeId(), LockModeType.PESSIMISTIC_WRITE);
        if (node == null) {
            registry.register(sample.nodeId(), sample.nodeType(), sample.chainId(), receivedAtMs);
            node = em.find(ObservedNode.class, sample.nodeId(), LockModeType.PESSIMISTIC_WRITE);
        }
        return node;
    }
}
