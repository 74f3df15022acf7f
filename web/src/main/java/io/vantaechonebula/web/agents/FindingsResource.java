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
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The agents' alerts (one agent's observation about a node, a chain or the network) and insights
 * (several agents' findings correlated into one story), at {@code /alerts} and {@code /insights}.
 */
@Path("{findings: alerts|insights}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FindingsResource {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Logger LOG = Logger.getLogger(FindingsResource.class.getName());
    static final int MAX_LIMIT = 1000;

    @EJB
    private FindingOperations findingOperations;

    /** Alerts or insights, by the path's first segment. */
    private static FindingType type(String findings) {
        return findings.equals("alerts") ? FindingType.ALERT : FindingType.INSIGHT;
    }

    @GET
    @Operation(summary = "Alerts or insights, newest seen first",
            description = "state=open (seen in the last 10 minutes, neither acknowledged nor resolved; the default),"
                    + " acknowledged or all; node and chain narrow them; severity=info, warning or critical keeps those at"
                    + " least as severe. Each has its evidence, recommendation, first and last seen, and who acknowledged"
                    + " it when.")
    @APIResponse(responseCode = "400", description = "A parameter is invalid")
    public JsonObject list(@PathParam("findings") String findings, @QueryParam("state") @DefaultValue("open") String state,
                           @QueryParam("node") String nodeId, @QueryParam("chain") String chainId,
                           @QueryParam("severity") @DefaultValue("info") String severity,
                           @QueryParam("limit") @DefaultValue("100") String limit) {
        FindingType type = type(findings);
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
    @Operation(summary = "One alert or insight")
    @APIResponse(responseCode = "404", description = "No such alert or insight")
    public JsonObject one(@PathParam("findings") String findings, @PathParam("id") String id) {
        FindingType type = type(findings);
        long key = id(type, id);
        return findingOperations.get(type, key).map(FindingJson::of).orElseThrow(() -> unknown(type, key));
    }

    @POST
    @Path("{id}/acknowledgement")
    @RolesAllowed({"operator", "admin"})
    @Operation(summary = "Acknowledge an alert or insight",
            description = "Roles operator or admin. Records who and when; acknowledging again keeps the first record."
                    + " One that gets more severe afterwards needs acknowledging again.")
    @APIResponse(responseCode = "401", description = "Not logged in")
    @APIResponse(responseCode = "403", description = "Logged in without the operator or admin role")
    @APIResponse(responseCode = "404", description = "No such alert or insight")
    public JsonObject acknowledge(@PathParam("findings") String findings, @PathParam("id") String id,
                                  @Context SecurityContext security, @Context HttpServletRequest request) {
        FindingType type = type(findings);
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
