/** The console's Peers page: the node's peers with their state, latency and standing; an admin lifts a ban. */
package io.vantaechonebula.web.console.peers;
