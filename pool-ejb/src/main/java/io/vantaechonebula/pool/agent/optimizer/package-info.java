/** The Decision Optimizer (docs/agents.md): a recommendation for every alert and insight. */
package io.vantaechonebula.pool.agent.optimizer;
