package io.vantaechonebula.pool.service;

import io.vantaechonebula.pool.api.Agent;
import io.vantaechonebula.pool.api.AgentModels;
import io.vantaechonebula.pool.api.AgentOperations;
import io.vantaechonebula.pool.api.AgentSeries;
import io.vantaechonebula.pool.api.ModelView;
import io.vantaechonebula.pool.statistics.ModelRecord;
import io.vantaechonebula.pool.stage.Subjects;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link AgentOperations} over the stored models and statistics. */
@Stateless
public class AgentOperationsBean implements AgentOperations {

    @PersistenceContext(unitName = "pool")
    private EntityManager em;

    @Override
    public Map<String, AgentModels> models() {
        Map<String, AgentModels> byAgent = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT m.processor, COUNT(m), SUM(m.trainedCount), MIN(m.version),"
                + " MAX(m.version), MAX(m.updatedAtMs) FROM ModelRecord m GROUP BY m.processor", Object[].class).getResultList()) {
            byAgent.put((String) row[0], new AgentModels(number(row[1]), number(row[2]), (int) number(row[3]),
                    (int) number(row[4]), number(row[5])));
        }
        return byAgent;
    }

    @Override
    public Map<String, AgentSeries> series() {
        Map<String, AgentSeries> byAgent = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT s.processor, COUNT(s), SUM(s.count) FROM RollingStatistic s"
                + " GROUP BY s.processor", Object[].class).getResultList()) {
            byAgent.put((String) row[0], new AgentSeries(number(row[1]), number(row[2])));
        }
        return byAgent;
    }

    @Override
    public List<ModelView> modelsOf(Agent agent, String nodeId, int limit) {
        String subject = nodeId == null ? "" : " AND (m.subject = :node OR m.subject LIKE :nodeOnChain ESCAPE '!')";
        var query = em.createQuery("SELECT m FROM ModelRecord m WHERE m.processor = :agent" + subject
                        + " ORDER BY m.trainedCount DESC, m.subject, m.name", ModelRecord.class)
                .setParameter("agent", agent.id())
                .setMaxResults(limit);
        if (nodeId != null) {
            query.setParameter("node", Subjects.node(nodeId)).setParameter("nodeOnChain",
                    Subjects.node(nodeId).replace("!", "!!").replace("_", "!_").replace("%", "!%") + "/%");
        }
        return query.getResultList().stream().map(model -> new ModelView(model.subject(), model.name(), model.version(),
                model.trainedCount(), Optional.ofNullable(model.model()), model.updatedAtMs())).toList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
