package io.vantaechonebula.web.p2p;

import io.vantaechonebula.node.api.NodeOperations;
import io.vantaechonebula.p2p.http.PeersJson;
import io.vantaechonebula.p2p.peer.PeerTable;
import io.vantaechonebula.web.QueryLimits;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** This node's peers and how far each chain is behind them. */
@Path("peers")
@RequestScoped
public class PeersResource {

    /** The peer table keeps at most this many peers (docs/p2p-spec.md P11). */
    static final int MAX_OFFSET = PeerTable.MAX_KNOWN;
    static final int MAX_LIMIT = PeerTable.MAX_KNOWN;

    @EJB
    private NodeOperations service;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject peers(@QueryParam("offset") @DefaultValue("0") String offset,
                            @QueryParam("limit") @DefaultValue("100") String limit) {
        return PeersJson.of(service.status().nodeId(), service.p2pAddress(), service.p2pEnabled(), service.peers(),
                service.sync(), QueryLimits.parse("offset", offset, 0, MAX_OFFSET), QueryLimits.parse("limit", limit, MAX_LIMIT));
    }
}
