package io.vantaechonebula.pool.service;

import io.vantaechonebula.pool.api.AgentModels;
import io.vantaechonebula.pool.api.AgentSeries;
import io.vantaechonebula.pool.findings.FindingQueries;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agents' models, statistics and findings counted per agent. Counting reads every such row,
 * which grows with the nodes times their streams (hundreds of thousands with tens of thousands of nodes),
 * so it is done every {@value #EVERY_SECONDS} s in the background and pages and the API read the last
 * count instead of scanning the tables at each request.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AgentTotals {

    private static final Logger LOG = Logger.getLogger(AgentTotals.class.getName());
    static final int EVERY_SECONDS = 30;

    /** One count of both tables. */
    public record Totals(Map<String, AgentModels> models, Map<String, AgentSeries> series, Map<String, Long> findings) {
    }

    @PersistenceContext(unitName = "pool")
    private EntityManager em;

    @EJB
    private FindingQueries queries;

    private volatile Totals last;

    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false)
    void count() {
        try {
            last = counted();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not count the agents' models and statistics; the last count stays", e);
        }
    }

    /** The last count, made now if there is none yet. */
    public Totals totals() {
        Totals totals = last;
        if (totals == null) {
            totals = counted();
            last = totals;
        }
        return totals;
    }

    private Totals counted() {
        Map<String, AgentModels> models = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT m.processor, COUNT(m), SUM(m.trainedCount), MIN(m.version),"
                + " MAX(m.version), MAX(m.updatedAtMs) FROM ModelRecord m GROUP BY m.processor", Object[].class).getResultList()) {
            models.put((String) row[0], new AgentModels(number(row[1]), number(row[2]), (int) number(row[3]),
                    (int) number(row[4]), number(row[5])));
        }
        Map<String, AgentSeries> series = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT s.processor, COUNT(s), SUM(s.count) FROM RollingStatistic s"
                + " GROUP BY s.processor", Object[].class).getResultList()) {
            series.put((String) row[0], new AgentSeries(number(row[1]), number(row[2])));
        }
        Map<String, Long> findings = new HashMap<>();
        queries.countsByAgent().forEach(row -> findings.put((String) row[0], ((Number) row[1]).longValue()));
        return new Totals(Map.copyOf(models), Map.copyOf(series), Map.copyOf(findings));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
