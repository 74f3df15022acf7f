package io.vantaechonebula.web.agents;

import io.vantaechonebula.pool.findings.FindingQueries;
import io.vantaechonebula.pool.findings.FindingType;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The agents' alerts: each one agent's observation about a node, a chain or the network. */
@Path("alerts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AlertsResource {

    @EJB
    private FindingQueries queries;

    @GET
    @Operation(summary = "Alerts, newest seen first",
            description = "state=open (seen in the last 10 minutes, not acknowledged; the default), acknowledged or all;"
                    + " node and chain narrow them; severity=info, warning or critical keeps those at least as severe."
                    + " Each has its evidence, recommendation, first and last seen, and who acknowledged it when.")
    @APIResponse(responseCode = "400", description = "A parameter is invalid")
    public JsonObject list(@QueryParam("state") @DefaultValue("open") String state, @QueryParam("node") String node,
                           @QueryParam("chain") String chain, @QueryParam("severity") @DefaultValue("info") String severity,
                           @QueryParam("limit") @DefaultValue("100") String limit) {
        return findings().list(state, node, chain, severity, limit);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One alert")
    @APIResponse(responseCode = "404", description = "No such alert")
    public JsonObject one(@PathParam("id") String id) {
        return findings().one(id);
    }

    @POST
    @Path("{id}/acknowledgement")
    @Operation(summary = "Acknowledge an alert",
            description = "Roles operator or admin. Records who and when; acknowledging again keeps the first record."
                    + " An alert that gets more severe afterwards needs acknowledging again.")
    @APIResponse(responseCode = "401", description = "Not logged in")
    @APIResponse(responseCode = "403", description = "Logged in without the operator or admin role")
    @APIResponse(responseCode = "404", description = "No such alert")
    public JsonObject acknowledge(@PathParam("id") String id, @Context SecurityContext security) {
        return findings().acknowledge(id, security);
    }

    private FindingsResource findings() {
        return new FindingsResource(queries, FindingType.ALERT);
    }
}
