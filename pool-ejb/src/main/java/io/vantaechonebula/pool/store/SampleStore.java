package io.vantaechonebula.pool.store;

import io.vantaechonebula.pool.api.SampleView;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
        Map<String, List<SampleView>> newByNode = new LinkedHashMap<>();
        for (TelemetrySample sample : payload.samples()) {
            ObservedNode node = group.nodes.computeIfAbsent(sample.nodeId(), id -> lockedNode(sample, receivedAtMs));
            Set<String> keys = known.computeIfAbsent(sample.nodeId(), id -> storedKeys(node, payload.samples(), received.verified(), group));
            if (!keys.add(sample.dedupKey())) {
                continue;
            }
            newByNode.computeIfAbsent(sample.nodeId(), id -> new ArrayList<>()).add(SampleView.of(sample, receivedAtMs, received.verified()));
            group.keysOf(sample.nodeId()).add(sample.dedupKey());
            node.record(sample, receivedAtMs, received.verified());
        }
        if (payload.droppedSamples() != null) {
            group.nodes.computeIfAbsent(payload.nodeId(), id -> em.find(ObservedNode.class, id, LockModeType.PESSIMISTIC_WRITE))
                    .reportedDropped(payload.droppedSamples());
        }
        if (newByNode.isEmpty()) {
            return 0;
        }
        IngestedBatch batch = new IngestedBatch(payload.nodeId(), payload.sentAtMillis(), receivedAtMs);
        em.persist(batch);
        List<StoredSample> views = new ArrayList<>();
        long bytes = 0;
        for (Map.Entry<String, List<SampleView>> ofNode : newByNode.entrySet()) {
            SampleBlock block = new SampleBlock(batch.id(), ofNode.getKey(), receivedAtMs, ofNode.getValue(), received.verified());
            em.persist(block);
            bytes += block.storedBytes();
            ofNode.getValue().forEach(view -> views.add(new StoredSample(view)));
        }
        batch.counted(views.size(), bytes);
        for (String stage : received.stages()) {
            em.persist(new PendingBatch(stage, batch));
        }
        recent.put(batch.id(), views, received.stages().size());
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
     * or samples out of order, costs one query for the payload: the node's blocks whose sequence or
     * time range covers the payload's. A signed payload is held against signed samples only, so
     * that nobody pre-empts a node's sequence numbers with unsigned samples in its name.
     */
    private Set<String> storedKeys(ObservedNode node, List<TelemetrySample> samples, boolean verified, Group group) {
        // Stored earlier in this transaction: possibly not yet written, so the query may not see them.
        Set<String> keys = new HashSet<>(group.keysOf(node.nodeId()));
        List<TelemetrySample> ofNode = samples.stream().filter(s -> s.nodeId().equals(node.nodeId())).toList();
        if (ofNode.stream().allMatch(node::certainlyNew)) {
            return keys;
        }
        long minSeq = ofNode.stream().map(TelemetrySample::seq).filter(Objects::nonNull).min(Long::compare).orElse(1L);
        long maxSeq = ofNode.stream().map(TelemetrySample::seq).filter(Objects::nonNull).max(Long::compare).orElse(0L);
        List<SampleBlock> blocks = em.createNamedQuery(SampleBlock.MAY_HOLD, SampleBlock.class)
                .setParameter("nodeId", node.nodeId())
                .setParameter("minSeq", minSeq)
                .setParameter("maxSeq", maxSeq)
                .setParameter("minTime", ofNode.stream().mapToLong(TelemetrySample::timestampMillis).min().orElseThrow())
                .setParameter("maxTime", ofNode.stream().mapToLong(TelemetrySample::timestampMillis).max().orElseThrow())
                .getResultList();
        for (SampleBlock block : blocks) {
            if (block.verified() || !verified) {
                block.samples().forEach(stored -> keys.add(stored.dedupKey()));
            }
        }
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
