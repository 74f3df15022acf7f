/** The Intelligence Synthesizer (docs/agents.md): the agents' alerts correlated into insights. */
package io.vantaechonebula.pool.agent.synthesizer;
