/**
 * The peer-to-peer protocol of docs/p2p-spec.md as plain Java: {@link io.vantaechonebula.p2p.Network}
 * is one node's side of it, reaching the node's chains through {@link io.vantaechonebula.p2p.LocalChains}
 * and other nodes through {@link io.vantaechonebula.p2p.PeerClient}. Transports (JAX-RS, the JDK's HTTP
 * server, an in-memory network in tests) adapt to these two ports. Behind the façade, each part of the
 * protocol has its class: the handshake, the gossip relay and its handler per kind, the peer keeper,
 * the synchronizer and the vote round.
 */
package io.vantaechonebula.p2p;
