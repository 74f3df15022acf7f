package io.vantaechonebula.pool.store;

import io.vantaechonebula.pool.api.DeadBatchView;
import io.vantaechonebula.pool.api.NodeQuery;
import io.vantaechonebula.pool.api.NodeView;
import io.vantaechonebula.pool.api.SampleView;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/** Read side of the stored telemetry. */
@Stateless
public class TelemetryQueries {

    private static final int BLOCK_PAGE = 100;

    @PersistenceContext(unitName = "pool")
    private EntityManager em;

    /** A page of the nodes, by id. */
    public List<NodeView> nodes(int offset, int limit) {
        return em.createNamedQuery(ObservedNode.ALL, ObservedNode.class).setFirstResult(offset).setMaxResults(limit)
                .getResultList().stream().map(ObservedNode::toView).toList();
    }

    /** The nodes the query selects, in its order, its page of them. */
    public List<NodeView> nodes(NodeQuery query) {
        TypedQuery<ObservedNode> select = em.createQuery("SELECT n FROM ObservedNode n" + where(query) + " ORDER BY n."
                + query.order().field() + (query.ascending() ? " ASC" : " DESC") + ", n.nodeId", ObservedNode.class);
        bind(query, select);
        return select.setFirstResult(query.offset()).setMaxResults(query.limit()).getResultStream()
                .map(ObservedNode::toView).toList();
    }

    /** How many nodes the query selects, whatever its page. */
    public long count(NodeQuery query) {
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(n) FROM ObservedNode n" + where(query), Long.class);
        bind(query, count);
        return count.getSingleResult();
    }

    private static String where(NodeQuery query) {
        List<String> conditions = new ArrayList<>();
        if (query.idPrefix() != null && !query.idPrefix().isEmpty()) {
            conditions.add("n.nodeId LIKE :prefix ESCAPE '\\'");
        }
        if (query.nodeType() != null) {
            conditions.add("n.nodeType = :type");
        }
        if (query.chainId() != null) {
            conditions.add("n.chainId = :chain");
        }
        if (query.verified() != null) {
            conditions.add(query.verified() ? "n.verified = TRUE" : "(n.verified IS NULL OR n.verified = FALSE)");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void bind(NodeQuery query, TypedQuery<?> typed) {
        if (query.idPrefix() != null && !query.idPrefix().isEmpty()) {
            typed.setParameter("prefix", query.idPrefix().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (query.nodeType() != null) {
            typed.setParameter("type", query.nodeType());
        }
        if (query.chainId() != null) {
            typed.setParameter("chain", query.chainId());
        }
    }

    public long nodeCount() {
        return em.createNamedQuery(ObservedNode.COUNT, Long.class).getSingleResult();
    }

    /** The nodes whose buffers dropped most, at most {@code limit} of them. */
    public List<NodeView> droppingNodes(int limit) {
        return em.createNamedQuery(ObservedNode.DROPPING, ObservedNode.class).setMaxResults(limit).getResultList().stream()
                .map(ObservedNode::toView).toList();
    }

    /** How many nodes the pool has heard from at or after that time. */
    public long nodesHeardSince(long sinceMs) {
        return em.createNamedQuery(ObservedNode.COUNT_HEARD_SINCE, Long.class).setParameter("since", sinceMs).getSingleResult();
    }

    /** How many of the nodes heard from at or after that time sent their newest payload signed by their registered key. */
    public long verifiedNodesHeardSince(long sinceMs) {
        return em.createNamedQuery(ObservedNode.COUNT_VERIFIED_HEARD_SINCE, Long.class).setParameter("since", sinceMs)
                .getSingleResult();
    }

    /** The nodes heard from at or after that time, the most recently heard first. */
    public List<NodeView> nodesHeardSince(long sinceMs, int limit) {
        return em.createNamedQuery(ObservedNode.HEARD_SINCE, ObservedNode.class).setParameter("since", sinceMs)
                .setMaxResults(limit).getResultStream().map(ObservedNode::toView).toList();
    }

    /** The nodes last heard from in [heardSinceMs, quietSinceMs), by id from the first after {@code afterNodeId}. */
    public List<NodeView> nodesQuiet(long heardSinceMs, long quietSinceMs, String afterNodeId, int limit) {
        return em.createNamedQuery(ObservedNode.QUIET, ObservedNode.class).setParameter("heardSince", heardSinceMs)
                .setParameter("quietSince", quietSinceMs).setParameter("after", afterNodeId)
                .setMaxResults(limit).getResultStream().map(ObservedNode::toView).toList();
    }

    public List<DeadBatchView> deadBatches(int limit) {
        return em.createNamedQuery(DeadBatch.NEWEST, DeadBatch.class).setMaxResults(limit).getResultList().stream()
                .map(dead -> new DeadBatchView(dead.processor(), dead.batchId(), dead.nodeId(), dead.sampleCount(),
                        dead.receivedAtMs(), dead.deadAtMs(), dead.attempts(), dead.error()))
                .toList();
    }

    public Optional<NodeView> node(String nodeId) {
        return Optional.ofNullable(em.find(ObservedNode.class, nodeId)).map(ObservedNode::toView);
    }

    /** The newest samples of a node first; empty when the pool has never stored one of it. */
    public Optional<List<SampleView>> newestSamples(String nodeId, int limit) {
        if (em.find(ObservedNode.class, nodeId) == null) {
            return Optional.empty();
        }
        TypedQuery<SampleBlock> blocks = em.createNamedQuery(SampleBlock.OF_NODE_NEWEST_FIRST, SampleBlock.class)
                .setParameter("nodeId", nodeId);
        Comparator<SampleView> newestFirst = Comparator.comparingLong(SampleView::timestampMillis)
                .thenComparingLong(SampleView::receivedAtMs).reversed();
        // Blocks come newest first by their newest sample: once the limit is full, a block whose
        // newest sample is older than the last one kept cannot add anything.
        return Optional.of(firstSamples(blocks, limit, newestFirst, s -> true,
                (block, last) -> block.maxTimeMs() < last.timestampMillis()));
    }

    /** A node's samples timed in [from, to), oldest first; empty when the pool has never stored one of it. */
    public Optional<List<SampleView>> samplesBetween(String nodeId, long fromMs, long toMs, int limit) {
        if (em.find(ObservedNode.class, nodeId) == null) {
            return Optional.empty();
        }
        TypedQuery<SampleBlock> blocks = em.createNamedQuery(SampleBlock.OF_NODE_OLDEST_FIRST, SampleBlock.class)
                .setParameter("nodeId", nodeId)
                .setParameter("from", fromMs)
                .setParameter("to", toMs);
        Comparator<SampleView> oldestFirst = Comparator.comparingLong(SampleView::timestampMillis)
                .thenComparing(SampleView::chainId);
        return Optional.of(firstSamples(blocks, limit, oldestFirst,
                s -> s.timestampMillis() >= fromMs && s.timestampMillis() < toMs,
                (block, last) -> block.minTimeMs() > last.timestampMillis()));
    }

    /**
     * The first {@code limit} samples in an order, read from blocks a page at a time until
     * {@code beyond} says the next block cannot hold one that comes before the last kept.
     */
    private static List<SampleView> firstSamples(TypedQuery<SampleBlock> blocks, int limit, Comparator<SampleView> order,
                                                 Predicate<SampleView> wanted, BiPredicate<SampleBlock, SampleView> beyond) {
        List<SampleView> kept = new ArrayList<>();
        for (int first = 0; ; first += BLOCK_PAGE) {
            List<SampleBlock> page = blocks.setFirstResult(first).setMaxResults(BLOCK_PAGE).getResultList();
            for (SampleBlock block : page) {
                if (kept.size() >= limit && beyond.test(block, kept.get(limit - 1))) {
                    return kept;
                }
                block.samples().stream().filter(wanted).forEach(kept::add);
                kept.sort(order);
                if (kept.size() > limit) {
                    kept.subList(limit, kept.size()).clear();
                }
            }
            if (page.size() < BLOCK_PAGE) {
                return kept;
            }
        }
    }

    /** Checks that the database answers; throws when it does not. */
    public void ping() {
        em.createNativeQuery("SELECT 1").getSingleResult();
    }
}
