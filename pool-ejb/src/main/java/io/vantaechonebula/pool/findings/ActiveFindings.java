package io.vantaechonebula.pool.findings;

import io.vantaechonebula.pool.api.FindingType;
import io.vantaechonebula.pool.api.FindingView;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The findings active at one moment (seen in the last ten minutes, not resolved), as the watches ask for
 * them: counted, or a bounded page, never all at once.
 */
public final class ActiveFindings {

    private static final String ACTIVE = " f.lastSeenMs > :since AND f.resolvedAtMs IS NULL";

    private final EntityManager em;
    private final long nowMs;

    public ActiveFindings(EntityManager em, long nowMs) {
        this.em = em;
        this.nowMs = nowMs;
    }

    /** Alerts of these kinds, the most recently seen first. */
    public List<FindingView> alerts(Set<String> kinds, int limit) {
        return em.createQuery("SELECT f FROM Finding f WHERE f.type = :type AND f.kind IN :kinds AND" + ACTIVE
                        + " ORDER BY f.lastSeenMs DESC, f.id", Finding.class)
                .setParameter("type", FindingType.ALERT).setParameter("kinds", kinds).setParameter("since", since())
                .setMaxResults(limit).getResultStream().map(finding -> finding.view(nowMs)).toList();
    }

    /** The agent's insights of that kind. */
    public List<FindingView> insights(String agent, String kind, int limit) {
        return em.createQuery("SELECT f FROM Finding f WHERE f.type = :type AND f.agent = :agent AND f.kind = :kind AND"
                        + ACTIVE + " ORDER BY f.id", Finding.class)
                .setParameter("type", FindingType.INSIGHT).setParameter("agent", agent).setParameter("kind", kind)
                .setParameter("since", since()).setMaxResults(limit).getResultStream().map(finding -> finding.view(nowMs)).toList();
    }

    /** How many nodes have an alert of that kind. */
    public long nodesAlerted(String kind) {
        return em.createQuery("SELECT COUNT(DISTINCT f.nodeId) FROM Finding f WHERE f.type = :type AND f.kind = :kind"
                        + " AND f.nodeId <> '' AND" + ACTIVE, Long.class)
                .setParameter("type", FindingType.ALERT).setParameter("kind", kind).setParameter("since", since())
                .getSingleResult();
    }

    /** Nodes with alerts of at least {@code minKinds} kinds, by node id, each with its kinds. */
    public Map<String, Set<String>> nodesWithAlertKinds(int minKinds, int limit) {
        List<String> nodes = em.createQuery("SELECT f.nodeId FROM Finding f WHERE f.type = :type AND f.nodeId <> '' AND"
                        + ACTIVE + " GROUP BY f.nodeId HAVING COUNT(DISTINCT f.kind) >= :kinds ORDER BY f.nodeId", String.class)
                .setParameter("type", FindingType.ALERT).setParameter("since", since()).setParameter("kinds", (long) minKinds)
                .setMaxResults(limit).getResultList();
        Map<String, Set<String>> kinds = new TreeMap<>();
        if (nodes.isEmpty()) {
            return kinds;
        }
        for (Object[] row : em.createQuery("SELECT DISTINCT f.nodeId, f.kind FROM Finding f WHERE f.type = :type"
                        + " AND f.nodeId IN :nodes AND" + ACTIVE, Object[].class)
                .setParameter("type", FindingType.ALERT).setParameter("nodes", nodes).setParameter("since", since())
                .getResultList()) {
            kinds.computeIfAbsent((String) row[0], node -> new TreeSet<>()).add((String) row[1]);
        }
        return kinds;
    }

    /** Nodes that sent something after the agent's alert of that kind about them was last seen. */
    public List<String> nodesHeardSinceAlert(String agent, String kind, int limit) {
        return em.createQuery("SELECT f.nodeId FROM Finding f, ObservedNode n WHERE n.nodeId = f.nodeId AND f.type = :type"
                        + " AND f.agent = :agent AND f.kind = :kind AND n.lastReceivedMs > f.lastSeenMs AND" + ACTIVE
                        + " ORDER BY f.id", String.class)
                .setParameter("type", FindingType.ALERT).setParameter("agent", agent).setParameter("kind", kind)
                .setParameter("since", since()).setMaxResults(limit).getResultList();
    }

    private long since() {
        return nowMs - Finding.ACTIVE_MS;
    }
}
