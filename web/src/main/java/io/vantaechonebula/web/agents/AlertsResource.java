package io.vantaechonebula.web.agents;

import io.vantaechonebula.pool.api.FindingType;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One agent's observations about a node, a chain or the network, at {@code /alerts}. */
@Path("alerts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AlertsResource extends FindingsResource {

    @Override
    protected FindingType type() {
        return FindingType.ALERT;
    }
}
