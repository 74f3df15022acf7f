package io.vantaechonebula.pool.store;

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

    /** Checks that the database answers; throws when it does not. */
    public void ping() {
        em.createNativeQuery("SELECT 1").getSingleResult();
    }
}
