package io.vantaechonebula.web.agents;

import io.vantaechonebula.pool.api.FindingType;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Several agents' findings correlated into one story, at {@code /insights}. */
@Path("insights")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InsightsResource extends FindingsResource {

    @Override
    protected FindingType type() {
        return FindingType.INSIGHT;
    }
}
