package io.vantaechonebula.pool.agents;

import io.vantaechonebula.pool.processing.ModelRecord;
import io.vantaechonebula.pool.processing.Subjects;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What each agent has learnt and kept, as the database holds it now. */
@Stateless
public class AgentState {

    /** An agent's models taken together. */
    public record Models(long count, long trainedValues, int lowestVersion, int highestVersion, long lastUpdatedMs) {
        public static final Models NONE = new Models(0, 0, 0, 0, 0);
    }

    /** An agent's streaming statistics taken together: how many series and how many values they learnt. */
    public record Series(long count, long values) {
        public static final Series NONE = new Series(0, 0);
    }

    @PersistenceContext(unitName = "pool")
    private EntityManager em;

    /** By agent id. */
    public Map<String, Models> models() {
        Map<String, Models> byAgent = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT m.processor, COUNT(m), SUM(m.trainedCount), MIN(m.version),"
                + " MAX(m.version), MAX(m.updatedAtMs) FROM ModelRecord m GROUP BY m.processor", Object[].class).getResultList()) {
            byAgent.put((String) row[0], new Models(number(row[1]), number(row[2]), (int) number(row[3]),
                    (int) number(row[4]), number(row[5])));
        }
        return byAgent;
    }

    /** By agent id. */
    public Map<String, Series> series() {
        Map<String, Series> byAgent = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT s.processor, COUNT(s), SUM(s.count) FROM RollingStatistic s"
                + " GROUP BY s.processor", Object[].class).getResultList()) {
            byAgent.put((String) row[0], new Series(number(row[1]), number(row[2])));
        }
        return byAgent;
    }

    /** An agent's models, most trained first; of one node only when {@code nodeId} is not null. */
    public List<ModelRecord> modelsOf(Agent agent, String nodeId, int limit) {
        String subject = nodeId == null ? "" : " AND (m.subject = :node OR m.subject LIKE :nodeOnChain ESCAPE '!')";
        var query = em.createQuery("SELECT m FROM ModelRecord m WHERE m.processor = :agent" + subject
                        + " ORDER BY m.trainedCount DESC, m.subject, m.name", ModelRecord.class)
                .setParameter("agent", agent.id())
                .setMaxResults(limit);
        if (nodeId != null) {
            query.setParameter("node", Subjects.node(nodeId)).setParameter("nodeOnChain",
                    Subjects.node(nodeId).replace("!", "!!").replace("_", "!_").replace("%", "!%") + "/%");
        }
        return query.getResultList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
