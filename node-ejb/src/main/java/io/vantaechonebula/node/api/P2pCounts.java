package io.vantaechonebula.node.api;

/**
 * What the node's peer-to-peer side counted since it started.
 *
 * @param bans          how many times a peer was banned
 * @param bytesSent     bodies of protocol messages sent, as caller and as server
 * @param bytesReceived bodies of protocol messages received, as caller and as server
 */
public record P2pCounts(long bans, long bytesSent, long bytesReceived) {
}
