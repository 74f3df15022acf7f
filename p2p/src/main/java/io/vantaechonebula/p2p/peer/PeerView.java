package io.vantaechonebula.p2p.peer;

import io.vantaechonebula.p2p.handshake.ChainHead;
import java.util.List;
import java.util.Optional;

/** A peer as {@code GET /api/v1/peers} shows it. */
public record PeerView(String nodeId, String address, int protocolVersion, String software, String mode,
                       List<ChainHead> chains, Optional<Long> latencyMs, int reputation, PeerState state,
                       Optional<Long> bannedUntilMs, long lastSeenMs, Optional<String> lastProblem) {
}
