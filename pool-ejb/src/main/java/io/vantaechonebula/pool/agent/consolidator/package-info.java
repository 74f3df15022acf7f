/** The Memory Consolidator (docs/agents.md): raw samples rolled up into minute and hour aggregates, and pruned once rolled up. */
package io.vantaechonebula.pool.agent.consolidator;
