package io.vantaechonebula.pool.statistics;

import io.vantaechonebula.analysis.stats.SeriesStatistic;
import io.vantaechonebula.pool.api.Agent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** The agents' statistics and models as stored, to read outside their runs: a health report, an assessment, a watch. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class StoredStatistics {

    @PersistenceContext(unitName = "pool")
    private EntityManager em;

    /** A series an agent keeps, as it stood at its last commit; empty until the agent created it. */
    public Optional<SeriesStatistic> series(Agent agent, String subject, String name) {
        RollingStatistic stored = em.find(RollingStatistic.class, new StatisticKey(agent.id(), subject, name));
        return stored == null ? Optional.empty() : Optional.of(new SeriesStatistic(stored.state()));
    }

    /** The stored state of an agent's model, if there is one of this model and version. */
    public Optional<byte[]> model(Agent agent, String subject, String name, String model, int version) {
        ModelRecord record = em.find(ModelRecord.class, new StatisticKey(agent.id(), subject, name));
        return record == null ? Optional.empty() : record.state(model, version);
    }
}
