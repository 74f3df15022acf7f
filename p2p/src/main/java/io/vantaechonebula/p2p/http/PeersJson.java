package io.vantaechonebula.p2p.http;

import io.vantaechonebula.p2p.handshake.ChainHead;
import io.vantaechonebula.p2p.peer.PeerView;
import io.vantaechonebula.p2p.sync.SyncStatus;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The JSON of {@code GET /api/v1/peers}, the same from a full node and a light node. */
public final class PeersJson {

    private PeersJson() {
    }

    /** The first {@link #DEFAULT_PAGE} peers. */
    public static JsonObject of(String nodeId, String address, boolean enabled, List<PeerView> peers, List<SyncStatus> sync) {
        return of(nodeId, address, enabled, peers, sync, 0, DEFAULT_PAGE);
    }

    /** The peers listed a page at a time, connected first (P11): {@code total} says how many there are. */
    public static final int DEFAULT_PAGE = 100;

    public static JsonObject of(String nodeId, String address, boolean enabled, List<PeerView> peers, List<SyncStatus> sync,
                                int offset, int limit) {
        JsonArrayBuilder peerArray = Json.createArrayBuilder();
        peers.stream().skip(offset).limit(limit).forEach(peer -> peerArray.add(peer(peer)));
        JsonArrayBuilder syncArray = Json.createArrayBuilder();
        sync.forEach(status -> syncArray.add(sync(status)));
        long connected = peers.stream().filter(peer -> peer.state().name().equals("CONNECTED")).count();
        return Json.createObjectBuilder().add("nodeId", nodeId).add("address", address).add("enabled", enabled)
                .add("connected", connected).add("total", peers.size()).add("offset", offset).add("limit", limit)
                .add("peers", peerArray).add("sync", syncArray).build();
    }

    private static JsonObjectBuilder peer(PeerView peer) {
        JsonArrayBuilder chains = Json.createArrayBuilder();
        for (ChainHead chain : peer.chains()) {
            chains.add(Json.createObjectBuilder().add("chainId", chain.chainId()).add("height", chain.height())
                    .add("head", chain.head().toString()));
        }
        JsonObjectBuilder json = Json.createObjectBuilder().add("nodeId", peer.nodeId()).add("address", peer.address())
                .add("protocolVersion", peer.protocolVersion()).add("software", peer.software()).add("mode", peer.mode())
                .add("chains", chains).add("reputation", peer.reputation())
                .add("state", peer.state().name().toLowerCase(Locale.ROOT))
                .add("lastSeen", Instant.ofEpochMilli(peer.lastSeenMs()).toString());
        peer.latencyMs().ifPresentOrElse(latency -> json.add("latencyMs", latency), () -> json.addNull("latencyMs"));
        peer.bannedUntilMs().ifPresent(until -> json.add("bannedUntil", Instant.ofEpochMilli(until).toString()));
        peer.lastProblem().ifPresent(problem -> json.add("lastProblem", problem));
        return json;
    }

    private static JsonObjectBuilder sync(SyncStatus status) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("chainId", status.chainId())
                .add("localHeight", status.localHeight()).add("bestPeerHeight", status.bestPeerHeight())
                .add("behind", status.behind()).add("syncing", status.syncing())
                .add("blocksImported", status.blocksImported()).add("blocksPerSecond", status.blocksPerSecond());
        status.source().ifPresent(source -> json.add("source", source));
        return json;
    }
}
