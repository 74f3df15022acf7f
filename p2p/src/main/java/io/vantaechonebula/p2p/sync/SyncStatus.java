package io.vantaechonebula.p2p.sync;

import java.util.Optional;

/**
 * How far one chain is behind its peers, and how fast it catches up.
 *
 * @param localHeight      this node's head
 * @param bestPeerHeight   the highest head a connected peer reports, or the local head if none is higher
 * @param syncing          whether blocks are being fetched now
 * @param source           the peer they come from
 * @param blocksImported   blocks taken by sync since the node started
 * @param blocksPerSecond  the rate of the last sync round
 */
public record SyncStatus(String chainId, long localHeight, long bestPeerHeight, boolean syncing, Optional<String> source,
                         long blocksImported, double blocksPerSecond) {

    public long behind() {
        return Math.max(0, bestPeerHeight - localHeight);
    }
}
