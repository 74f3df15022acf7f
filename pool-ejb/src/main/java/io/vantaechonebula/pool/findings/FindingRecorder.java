package io.vantaechonebula.pool.findings;

import io.vantaechonebula.pool.stage.FindingReport;
import io.vantaechonebula.pool.api.FindingType;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Records agents' reports inside the caller's transaction: a report of a recent finding extends it, any other opens one. */
public final class FindingRecorder {

    private record Key(FindingType type, String agent, String kind, String node, String chain) {
    }

    private final EntityManager em;
    private final Map<Key, Finding> touched = new HashMap<>();

    public FindingRecorder(EntityManager em) {
        this.em = em;
    }

    public Finding record(FindingReport report) {
        Key key = new Key(report.type(), report.agent(), report.kind(), Finding.orBlank(report.nodeId()),
                Finding.orBlank(report.chainId()));
        Finding finding = touched.get(key);
        if (finding == null || report.atMs() - finding.lastSeenMs() >= Finding.ACTIVE_MS) {
            finding = recent(key, report.atMs());
        }
        if (finding == null) {
            finding = new Finding(report);
            em.persist(finding);
        } else {
            finding.seenAgain(report);
        }
        touched.put(key, finding);
        return finding;
    }

    /**
     * Marks the agent's active finding of this kind about the node resolved, if there is one.
     *
     * @return whether there was one
     */
    public boolean resolve(FindingType type, String agent, String kind, String nodeId, String chainId, long atMs) {
        Key key = new Key(type, agent, kind, Finding.orBlank(nodeId), Finding.orBlank(chainId));
        Finding finding = recent(key, atMs);
        if (finding == null || finding.resolvedAtMs().isPresent()) {
            return false;
        }
        finding.resolve(atMs);
        return true;
    }

    private Finding recent(Key key, long atMs) {
        List<Finding> found = em.createNamedQuery(Finding.RECENT_OF_KEY, Finding.class)
                .setParameter("type", key.type())
                .setParameter("agent", key.agent())
                .setParameter("kind", key.kind())
                .setParameter("node", key.node())
                .setParameter("chain", key.chain())
                .setParameter("since", atMs - Finding.ACTIVE_MS)
                .setMaxResults(1)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }
}
