/** The Analyst (docs/agents.md): attacks on the chains and nodes abusing the pool. */
package io.vantaechonebula.pool.agent.analyst;
