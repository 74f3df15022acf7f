/** The Transaction Analyzer's pool side (docs/agents.md): the nodes' transaction reports become the chains' alerts. */
package io.vantaechonebula.pool.agent.transactions;
