package io.vantaechonebula.pool.findings;

import io.vantaechonebula.pool.api.FindingFilter;
import io.vantaechonebula.pool.api.FindingOperations;
import io.vantaechonebula.pool.api.FindingType;
import io.vantaechonebula.pool.api.FindingView;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link FindingOperations} over the stored findings; each answer is read, as of now, inside one transaction. */
@Stateless
public class FindingOperationsBean implements FindingOperations {

    @EJB
    private FindingQueries queries;

    @Override
    public List<FindingView> find(FindingFilter filter) {
        long now = System.currentTimeMillis();
        return queries.find(filter, now).stream().map(finding -> finding.view(now)).toList();
    }

    @Override
    public Optional<FindingView> get(FindingType type, long id) {
        return queries.get(type, id).map(finding -> finding.view(System.currentTimeMillis()));
    }

    @Override
    public Optional<FindingView> acknowledge(FindingType type, long id, String operator) {
        long now = System.currentTimeMillis();
        return queries.acknowledge(type, id, operator, now).map(finding -> finding.view(now));
    }

    @Override
    public List<FindingView> recentOfAgent(String agentId, int limit) {
        long now = System.currentTimeMillis();
        return queries.recentOfAgent(agentId, limit).stream().map(finding -> finding.view(now)).toList();
    }

    @Override
    public Map<String, Long> countsByAgent() {
        Map<String, Long> counts = new LinkedHashMap<>();
        queries.countsByAgent().forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }
}
