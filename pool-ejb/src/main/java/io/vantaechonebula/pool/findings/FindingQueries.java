package io.vantaechonebula.pool.findings;

import io.vantaechonebula.pool.api.FindingFilter;
import io.vantaechonebula.pool.api.FindingType;
import io.vantaechonebula.pool.api.Severity;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** Alerts and insights as operators read and acknowledge them. */
@Stateless
public class FindingQueries {

    @PersistenceContext(unitName = "pool")
    private EntityManager em;

    /** Newest seen first. */
    public List<Finding> find(FindingFilter filter, long nowMs) {
        // Ordered by the type (and kind) the filter fixes as well, so that the database reads the newest straight
        // off the index (type[, kind], last seen DESC, id DESC) and stops at the page's end instead of sorting them all.
        TypedQuery<Finding> query = em.createQuery("SELECT f FROM Finding f WHERE " + where(filter) + " ORDER BY f.type,"
                + (filter.kind() == null ? "" : " f.kind,") + " f.lastSeenMs DESC, f.id DESC", Finding.class);
        bind(filter, nowMs, query);
        return query.setFirstResult(filter.offset()).setMaxResults(filter.limit()).getResultList();
    }

    /** How many findings the filter selects, whatever its offset and limit. */
    public long count(FindingFilter filter, long nowMs) {
        TypedQuery<Long> query = em.createQuery("SELECT COUNT(f) FROM Finding f WHERE " + where(filter), Long.class);
        bind(filter, nowMs, query);
        return query.getSingleResult();
    }

    private static String where(FindingFilter filter) {
        // Every severity is no condition at all: the count then reads the (type, last seen) index alone.
        StringBuilder jpql = new StringBuilder(filter.leastSeverity() == Severity.INFO ? "f.type = :type"
                : "f.type = :type AND f.severity IN :severities");
        switch (filter.state()) {
            case OPEN -> jpql.append(" AND f.acknowledgedBy IS NULL AND f.resolvedAtMs IS NULL AND f.lastSeenMs > :activeSince");
            case ACKNOWLEDGED -> jpql.append(" AND f.acknowledgedBy IS NOT NULL");
            case ALL -> { }
        }
        if (filter.nodeId() != null) {
            jpql.append(" AND f.nodeId = :node");
        }
        if (filter.chainId() != null) {
            jpql.append(" AND f.chainId = :chain");
        }
        if (filter.kind() != null) {
            jpql.append(" AND f.kind = :kind");
        }
        return jpql.toString();
    }

    private static void bind(FindingFilter filter, long nowMs, TypedQuery<?> query) {
        query.setParameter("type", filter.type());
        if (filter.leastSeverity() != Severity.INFO) {
            query.setParameter("severities", atLeast(filter.leastSeverity()));
        }
        if (filter.state() == FindingFilter.State.OPEN) {
            query.setParameter("activeSince", nowMs - Finding.ACTIVE_MS);
        }
        if (filter.nodeId() != null) {
            query.setParameter("node", filter.nodeId());
        }
        if (filter.chainId() != null) {
            query.setParameter("chain", filter.chainId());
        }
        if (filter.kind() != null) {
            query.setParameter("kind", filter.kind());
        }
    }

    public Optional<Finding> get(FindingType type, long id) {
        return Optional.ofNullable(em.find(Finding.class, id)).filter(finding -> finding.type() == type);
    }

    /**
     * Records who acknowledged a finding, when and why. Acknowledging again keeps the first operator's
     * name, time and comment: the record says who took it on.
     *
     * @return the finding, and whether this call acknowledged it; empty if there is no such finding
     */
    public Optional<Acknowledged> acknowledge(FindingType type, long id, String operator, String comment, long nowMs) {
        Finding finding = em.find(Finding.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (finding == null || finding.type() != type) {
            return Optional.empty();
        }
        boolean now = finding.acknowledgedBy().isEmpty();
        if (now) {
            finding.acknowledge(operator, comment, nowMs);
        }
        return Optional.of(new Acknowledged(finding, now));
    }

    /** A finding after an acknowledgement, and whether that acknowledgement was the one that took it on. */
    public record Acknowledged(Finding finding, boolean now) {
    }

    /** A node's alerts and insights seen in the last ten minutes and not resolved, acknowledged or not, newest first. */
    public List<Finding> activeOfNode(String nodeId, long nowMs) {
        return em.createNamedQuery(Finding.ACTIVE_OF_NODE, Finding.class)
                .setParameter("node", nodeId)
                .setParameter("since", nowMs - Finding.ACTIVE_MS)
                .getResultList();
    }

    /** An agent's findings, newest seen first. */
    public List<Finding> recentOfAgent(String agentId, int limit) {
        return em.createQuery("SELECT f FROM Finding f WHERE f.agent = :agent ORDER BY f.lastSeenMs DESC, f.id DESC", Finding.class)
                .setParameter("agent", agentId)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * How many findings of a type are active (seen in the last ten minutes, not resolved), in one pass over
     * the index {@code pool_finding_open}: rows of severity, kind, who acknowledged them (null: nobody) and
     * how many.
     */
    public List<Object[]> activeCounts(FindingType type, long nowMs) {
        return em.createQuery("SELECT f.severity, f.kind, f.acknowledgedBy, COUNT(f) FROM Finding f WHERE f.type = :type"
                        + " AND f.lastSeenMs > :activeSince AND f.resolvedAtMs IS NULL"
                        + " GROUP BY f.severity, f.kind, f.acknowledgedBy", Object[].class)
                .setParameter("type", type)
                .setParameter("activeSince", nowMs - Finding.ACTIVE_MS)
                .getResultList();
    }

    /** How many findings each agent has raised, by agent id. */
    public List<Object[]> countsByAgent() {
        return em.createNamedQuery(Finding.COUNT_OF_AGENT, Object[].class).getResultList();
    }

    private static List<Severity> atLeast(Severity least) {
        return new ArrayList<>(EnumSet.range(least, Severity.CRITICAL));
    }
}
