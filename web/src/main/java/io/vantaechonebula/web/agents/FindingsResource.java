package io.vantaechonebula.web.agents;

import io.vantaechonebula.pool.findings.Finding;
import io.vantaechonebula.pool.findings.FindingFilter;
import io.vantaechonebula.pool.findings.FindingQueries;
import io.vantaechonebula.pool.findings.FindingType;
import io.vantaechonebula.pool.findings.Severity;
import io.vantaechonebula.web.QueryLimits;
import io.vantaechonebula.web.problem.ApiProblemException;
import io.vantaechonebula.web.problem.ProblemType;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.SecurityContext;
import java.util.logging.Logger;

/** Lists, shows and acknowledges the findings of one type; {@link AlertsResource} and {@link InsightsResource} say which. */
final class FindingsResource {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Logger LOG = Logger.getLogger(FindingsResource.class.getName());
    static final int MAX_LIMIT = 1000;

    private final FindingQueries queries;
    private final FindingType type;

    FindingsResource(FindingQueries queries, FindingType type) {
        this.queries = queries;
        this.type = type;
    }

    JsonObject list(String state, String nodeId, String chainId, String severity, String limit) {
        FindingFilter filter = new FindingFilter(type, parse("state", () -> FindingFilter.State.of(state)), blankToNull(nodeId),
                blankToNull(chainId), parse("severity", () -> Severity.of(severity)), QueryLimits.parse("limit", limit, MAX_LIMIT));
        long now = System.currentTimeMillis();
        JsonArrayBuilder items = JSON.createArrayBuilder();
        queries.find(filter, now).forEach(finding -> items.add(FindingJson.of(finding, now)));
        return JSON.createObjectBuilder()
                .add("state", filter.state().id())
                .add("leastSeverity", filter.leastSeverity().id())
                .add(type.id() + "s", items)
                .build();
    }

    JsonObject one(String id) {
        long key = id(id);
        return queries.get(type, key).map(finding -> FindingJson.of(finding, System.currentTimeMillis()))
                .orElseThrow(() -> unknown(key));
    }

    JsonObject acknowledge(String id, SecurityContext security) {
        long key = id(id);
        // The container lets only operators and admins post here (web.xml); the name is who they logged in as.
        String operator = security.getUserPrincipal().getName();
        long now = System.currentTimeMillis();
        Finding finding = queries.acknowledge(type, key, operator, now).orElseThrow(() -> unknown(key));
        LOG.info(() -> type.id() + " " + key + " (" + finding.kind() + finding.nodeId().map(n -> " on node " + n).orElse("")
                + ") acknowledged by " + finding.acknowledgedBy().orElseThrow());
        return FindingJson.of(finding, now);
    }

    private long id(String id) {
        try {
            long key = Long.parseLong(id.trim());
            if (key > 0) {
                return key;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiProblemException(ProblemType.INVALID_PARAMETER,
                "An " + type.id() + " id is a positive whole number, got '" + id + "'; GET /api/v1/" + type.id() + "s lists them");
    }

    private ApiProblemException unknown(long id) {
        return new ApiProblemException(ProblemType.FINDING_NOT_FOUND,
                "There is no " + type.id() + " " + id + "; GET /api/v1/" + type.id() + "s?state=all lists them");
    }

    private static <T> T parse(String parameter, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new ApiProblemException(ProblemType.INVALID_PARAMETER, "Query parameter '" + parameter + "': " + e.getMessage());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
