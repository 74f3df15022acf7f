package io.vantaechonebula.pool.findings;

import io.vantaechonebula.pool.api.Actor;
import io.vantaechonebula.pool.api.FindingFilter;
import io.vantaechonebula.pool.api.FindingOperations;
import io.vantaechonebula.pool.api.FindingType;
import io.vantaechonebula.pool.api.FindingView;
import io.vantaechonebula.pool.audit.AuditLog;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.List;
import java.util.Optional;

/** {@link FindingOperations} over the stored findings; each answer is read, as of now, inside one transaction. */
@Stateless
public class FindingOperationsBean implements FindingOperations {

    @EJB
    private FindingQueries queries;

    @EJB
    private AuditLog audit;

    @Override
    public List<FindingView> find(FindingFilter filter) {
        long now = System.currentTimeMillis();
        return queries.find(filter, now).stream().map(finding -> finding.view(now)).toList();
    }

    @Override
    public long count(FindingFilter filter) {
        return queries.count(filter, System.currentTimeMillis());
    }

    @Override
    public Optional<FindingView> get(FindingType type, long id) {
        return queries.get(type, id).map(finding -> finding.view(System.currentTimeMillis()));
    }

    @Override
    public Optional<FindingView> acknowledge(FindingType type, long id, Actor operator, String comment) {
        String checked = checkedComment(comment);
        long now = System.currentTimeMillis();
        return queries.acknowledge(type, id, operator.name(), checked, now).map(acknowledged -> {
            FindingView view = acknowledged.finding().view(now);
            if (acknowledged.now()) {
                audit.record(operator, type.id() + "-acknowledged", type.id() + " " + id,
                        view.kind() + view.nodeId().map(node -> " on node " + node).orElse("")
                                + (checked == null ? "" : ": " + checked));
            }
            return view;
        });
    }

    @Override
    public List<FindingView> acknowledgeAll(FindingType type, List<Long> ids, Actor operator, String comment) {
        return ids.stream().distinct().map(id -> acknowledge(type, id, operator, comment))
                .flatMap(Optional::stream).toList();
    }

    /** The comment trimmed, null when blank. */
    private static String checkedComment(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        String trimmed = comment.strip();
        if (trimmed.length() > FindingView.MAX_COMMENT) {
            throw new IllegalArgumentException("a comment is at most " + FindingView.MAX_COMMENT + " characters, this one has "
                    + trimmed.length());
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new IllegalArgumentException("a comment is text on lines: no control characters but line breaks and tabs");
        }
        return trimmed;
    }

    @Override
    public List<FindingView> recentOfAgent(String agentId, int limit) {
        long now = System.currentTimeMillis();
        return queries.recentOfAgent(agentId, limit).stream().map(finding -> finding.view(now)).toList();
    }
}
