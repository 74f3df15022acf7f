package io.vantaechonebula.pool.statistics;

import io.vantaechonebula.pool.api.AggregateView;
import io.vantaechonebula.pool.api.Resolution;
import io.vantaechonebula.pool.store.ObservedNode;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** A node's metrics over time, as the Memory Consolidator keeps them in minute and hour buckets. */
@Stateless
public class AggregateQueries {

    @PersistenceContext(unitName = "pool")
    private EntityManager em;

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
                .map(MetricAggregate::view)
                .toList());
    }
}
