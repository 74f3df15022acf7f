/** Resonant (docs/agents.md): per-node baselines and resource rules, load models, and each node's health score. */
package io.vantaechonebula.pool.agent.resonant;
