package io.vantaechonebula.pool.store;

import io.vantaechonebula.pool.consolidation.AggregateView;
import io.vantaechonebula.pool.consolidation.MetricAggregate;
import io.vantaechonebula.pool.consolidation.Resolution;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Read side of the stored telemetry. */
@Stateless
public class TelemetryQueries {

    @PersistenceContext(unitName = "pool")
    private EntityManager em;

    public List<NodeView> nodes() {
        return em.createNamedQuery(ObservedNode.ALL, ObservedNode.class).getResultList().stream()
                .map(ObservedNode::toView)
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
        return Optional.of(em.createNamedQuery(StoredSample.NEWEST_OF_NODE, StoredSample.class)
                .setParameter("nodeId", nodeId)
                .setMaxResults(limit)
                .getResultList().stream()
                .map(StoredSample::toView)
                .toList());
    }

    /** A node's samples timed in [from, to), oldest first; empty when the pool has never stored one of it. */
    public Optional<List<SampleView>> samplesBetween(String nodeId, long fromMs, long toMs, int limit) {
        if (em.find(ObservedNode.class, nodeId) == null) {
            return Optional.empty();
        }
        return Optional.of(em.createNamedQuery(StoredSample.OF_NODE_BETWEEN, StoredSample.class)
                .setParameter("nodeId", nodeId)
                .setParameter("from", fromMs)
                .setParameter("to", toMs)
                .setMaxResults(limit)
                .getResultList().stream()
                .map(StoredSample::toView)
                .toList());
    }

    /** A node's aggregates of buckets starting in [from, to), oldest first; empty for a node never seen. */
    public Optional<List<AggregateView>> aggregates(String nodeId, Resolution resolution, long fromMs, long toMs) {
        if (em.find(ObservedNode.class, nodeId) == null) {
            return Optional.empty();
        }
        return Optional.of(em.createNamedQuery(MetricAggregate.OF_NODE, MetricAggregate.class)
                .setParameter("nodeId", nodeId)
                .setParameter("resolution", resolution.id())
                .setParameter("from", fromMs)
                .setParameter("to", toMs)
                .getResultList().stream()
                .map(AggregateView::of)
                .toList());
    }

    /** Checks that the database answers; throws when it does not. */
    public void ping() {
        em.createNativeQuery("SELECT 1").getSingleResult();
    }
}
