package io.vantaechonebula.web.audit;

import io.vantaechonebula.pool.api.AuditView;
import io.vantaechonebula.pool.api.AuditOperations;
import io.vantaechonebula.web.QueryLimits;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/** What operators changed, newest first: who, what, on what, when, from where. */
@Path("audit")
@RequestScoped
public class AuditResource {

    private static final JsonProvider JSON = JsonProvider.provider();
    static final int MAX_LIMIT = 1000;

    @EJB
    private AuditOperations audit;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public String list(@QueryParam("limit") @DefaultValue("100") String limit) {
        var array = JSON.createArrayBuilder();
        audit.newest(0, QueryLimits.parse("limit", limit, MAX_LIMIT)).forEach(entry -> array.add(json(entry)));
        return array.build().toString();
    }

    private static JsonObjectBuilder json(AuditView entry) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", entry.id())
                .add("at", Instant.ofEpochMilli(entry.atMs()).toString())
                .add("actor", entry.actor())
                .add("action", entry.action())
                .add("subject", entry.subject());
        if (entry.address() != null) {
            json.add("address", entry.address());
        }
        if (entry.detail() != null) {
            json.add("detail", entry.detail());
        }
        return json;
    }
}
