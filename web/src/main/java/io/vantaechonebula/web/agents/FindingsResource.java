package io.vantaechonebula.web.agents;

import jakarta.annotation.security.RolesAllowed;
import io.vantaechonebula.pool.api.Actor;
import io.vantaechonebula.pool.api.FindingFilter;
import io.vantaechonebula.pool.api.FindingOperations;
import io.vantaechonebula.pool.api.FindingType;
import io.vantaechonebula.pool.api.FindingView;
import io.vantaechonebula.pool.api.Severity;
import io.vantaechonebula.web.QueryLimits;
import io.vantaechonebula.web.problem.ApiProblemException;
import io.vantaechonebula.web.problem.ProblemType;
import jakarta.ejb.EJB;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.util.logging.Logger;

/**
 * The agents' alerts (one agent's observation about a node, a chain or the network) and insights
 * (several agents' findings correlated into one story): the same three requests for both, served at
 * {@code /alerts} by {@link AlertsResource} and at {@code /insights} by {@link InsightsResource}.
 */
public abstract class FindingsResource {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Logger LOG = Logger.getLogger(FindingsResource.class.getName());
    static final int MAX_LIMIT = 1000;

    @EJB
    private FindingOperations findingOperations;

    /** Alerts or insights. */
    protected abstract FindingType type();

    @GET
    public JsonObject list(@QueryParam("state") @DefaultValue("open") String state,
                           @QueryParam("node") String nodeId, @QueryParam("chain") String chainId,
                           @QueryParam("severity") @DefaultValue("info") String severity,
                           @QueryParam("limit") @DefaultValue("100") String limit) {
        FindingType type = type();
        FindingFilter filter = new FindingFilter(type, parse("state", () -> FindingFilter.State.of(state)), blankToNull(nodeId),
                blankToNull(chainId), parse("severity", () -> Severity.of(severity)), QueryLimits.parse("limit", limit, MAX_LIMIT));
        JsonArrayBuilder items = JSON.createArrayBuilder();
        findingOperations.find(filter).forEach(finding -> items.add(FindingJson.of(finding)));
        return JSON.createObjectBuilder()
                .add("state", filter.state().id())
                .add("leastSeverity", filter.leastSeverity().id())
                .add(type.id() + "s", items)
                .build();
    }

    @GET
    @Path("{id}")
    public JsonObject one(@PathParam("id") String id) {
        FindingType type = type();
        long key = id(type, id);
        return findingOperations.get(type, key).map(FindingJson::of).orElseThrow(() -> unknown(type, key));
    }

    @POST
    @Path("{id}/acknowledgement")
    @RolesAllowed({"operator", "admin"})
    public JsonObject acknowledge(@PathParam("id") String id,
                                  @Context SecurityContext security, @Context HttpServletRequest request) {
        FindingType type = type();
        long key = id(type, id);
        // The container lets only operators and admins post here (web.xml); the name is who they logged in as.
        Actor operator = new Actor(security.getUserPrincipal().getName(), request.getRemoteAddr());
        FindingView finding = findingOperations.acknowledge(type, key, operator, null).orElseThrow(() -> unknown(type, key));
        LOG.info(() -> type.id() + " " + key + " (" + finding.kind() + finding.nodeId().map(n -> " on node " + n).orElse("")
                + ") acknowledged by " + finding.acknowledgedBy().orElseThrow());
        return FindingJson.of(finding);
    }

    private static long id(FindingType type, String id) {
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

    private static ApiProblemException unknown(FindingType type, long id) {
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
