package io.vantaechonebula.web.p2p;

import io.vantaechonebula.node.p2p.PeerService;
import io.vantaechonebula.p2p.handshake.ChainHead;
import io.vantaechonebula.p2p.peer.PeerView;
import io.vantaechonebula.p2p.sync.SyncStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** This node's peers and how far each chain is behind them. */
@Path("peers")
@RequestScoped
public class PeersResource {

    private static final JsonProvider JSON = JsonProvider.provider();

    @EJB
    private PeerService service;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Peers and sync",
            description = "Each peer with its id, address, protocol version, software, mode, chain heights, latency,"
                    + " reputation, state and last problem; and per chain the local and best peer height and sync"
                    + " progress. See docs/p2p-spec.md.")
    public JsonObject peers() {
        JsonArrayBuilder peers = JSON.createArrayBuilder();
        service.peers().forEach(peer -> peers.add(peer(peer)));
        JsonArrayBuilder sync = JSON.createArrayBuilder();
        service.sync().forEach(status -> sync.add(sync(status)));
        return JSON.createObjectBuilder().add("nodeId", service.nodeId()).add("address", service.address())
                .add("enabled", service.enabled()).add("connected", service.connectedPeers()).add("peers", peers)
                .add("sync", sync).build();
    }

    private static JsonObjectBuilder peer(PeerView peer) {
        JsonArrayBuilder chains = JSON.createArrayBuilder();
        for (ChainHead chain : peer.chains()) {
            chains.add(JSON.createObjectBuilder().add("chainId", chain.chainId()).add("height", chain.height())
                    .add("head", chain.head().toString()));
        }
        JsonObjectBuilder json = JSON.createObjectBuilder().add("nodeId", peer.nodeId()).add("address", peer.address())
                .add("protocolVersion", peer.protocolVersion()).add("software", peer.software()).add("mode", peer.mode())
                .add("chains", chains).add("reputation", peer.reputation()).add("state", peer.state().name().toLowerCase())
                .add("lastSeen", Instant.ofEpochMilli(peer.lastSeenMs()).toString());
        peer.latencyMs().ifPresentOrElse(latency -> json.add("latencyMs", latency), () -> json.addNull("latencyMs"));
        peer.bannedUntilMs().ifPresent(until -> json.add("bannedUntil", Instant.ofEpochMilli(until).toString()));
        peer.lastProblem().ifPresent(problem -> json.add("lastProblem", problem));
        return json;
    }

    private static JsonObjectBuilder sync(SyncStatus status) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("chainId", status.chainId())
                .add("localHeight", status.localHeight()).add("bestPeerHeight", status.bestPeerHeight())
                .add("behind", status.behind()).add("syncing", status.syncing())
                .add("blocksImported", status.blocksImported()).add("blocksPerSecond", status.blocksPerSecond());
        status.source().ifPresent(source -> json.add("source", source));
        return json;
    }
}
