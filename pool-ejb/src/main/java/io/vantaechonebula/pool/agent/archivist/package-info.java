/** The Archivist (docs/agents.md): each chain's history of intervals, volume and fees. */
package io.vantaechonebula.pool.agent.archivist;
