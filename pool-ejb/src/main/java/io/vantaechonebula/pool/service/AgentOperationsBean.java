package io.vantaechonebula.pool.service;

import io.vantaechonebula.pool.api.Agent;
import io.vantaechonebula.pool.api.AgentModels;
import io.vantaechonebula.pool.api.AgentOperations;
import io.vantaechonebula.pool.api.AgentSeries;
import io.vantaechonebula.pool.api.ModelView;
import io.vantaechonebula.pool.statistics.ModelRecord;
import io.vantaechonebula.pool.stage.Subjects;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link AgentOperations} over the stored models and statistics. */
@Stateless
public class AgentOperationsBean implements AgentOperations {

    @PersistenceContext(unitName = "pool")
    private EntityManager em;

    @EJB
    private AgentTotals totals;

    @Override
    public Map<String, AgentModels> models() {
        return totals.totals().models();
    }

    @Override
    public Map<String, AgentSeries> series() {
        return totals.totals().series();
    }

    @Override
    public Map<String, Long> findingCounts() {
        return totals.totals().findings();
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
}
