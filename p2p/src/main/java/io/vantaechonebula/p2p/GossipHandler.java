package io.vantaechonebula.p2p;

import io.vantaechonebula.p2p.gossip.Gossip;
import io.vantaechonebula.p2p.peer.Peer;

/** Takes one kind of gossip seen for the first time; what it accepts, the relay passes on. */
interface GossipHandler {

    GossipOutcome handle(Peer from, Gossip gossip);
}
