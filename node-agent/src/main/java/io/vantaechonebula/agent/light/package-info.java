/**
 * The light node: both chains with a durable store on disk, the peer-to-peer protocol served from the
 * JDK's HTTP server, and a miner, in one small process without an application server.
 */
package io.vantaechonebula.agent.light;
