package io.vantaechonebula.web.p2p;

import io.vantaechonebula.node.api.NodeOperations;
import io.vantaechonebula.p2p.http.PeersJson;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** This node's peers and how far each chain is behind them. */
@Path("peers")
@RequestScoped
public class PeersResource {

    @EJB
    private NodeOperations service;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Peers and sync",
            description = "Each peer with its id, address, protocol version, software, mode, chain heights, latency,"
                    + " reputation, state and last problem; and per chain the local and best peer height and sync"
                    + " progress. See docs/p2p-spec.md.")
    public JsonObject peers() {
        return PeersJson.of(service.status().nodeId(), service.p2pAddress(), service.p2pEnabled(), service.peers(),
                service.sync());
    }
}
