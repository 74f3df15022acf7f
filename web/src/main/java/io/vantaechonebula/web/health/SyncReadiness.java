package io.vantaechonebula.web.health;

import io.vantaechonebula.node.api.NodeOperations;
import io.vantaechonebula.p2p.sync.SyncStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready unless a chain is more than {@code vanta.p2p.ready-max-behind} blocks behind the best head its
 * peers report: a node still syncing serves an old chain. A node without peers is ready on its own chain.
 */
@Readiness
@ApplicationScoped
public class SyncReadiness implements HealthCheck {

    @EJB
    private NodeOperations peers;

    @Override
    public HealthCheckResponse call() {
        long maxBehind = peers.readyMaxBehind();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("sync").up()
                .withData("peers", peers.connectedPeers());
        for (SyncStatus chain : peers.sync()) {
            response.withData(chain.chainId(), "height " + chain.localHeight() + ", best peer " + chain.bestPeerHeight()
                    + (chain.syncing() ? ", syncing from " + chain.source().orElse("?") : ""));
            if (chain.behind() > maxBehind) {
                response.down().withData("behind", chain.chainId() + " is " + chain.behind() + " blocks behind its peers"
                        + " (more than vanta.p2p.ready-max-behind=" + maxBehind + "); it syncs every round");
            }
        }
        return response.build();
    }
}
