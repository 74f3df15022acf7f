/** The Network Monitor (docs/agents.md): latency, peers and arrivals per node, and its watch for silent nodes. */
package io.vantaechonebula.pool.agent.networkmonitor;
