/** The Pattern Recognizer (docs/agents.md): a streaming anomaly detector on every metric stream. */
package io.vantaechonebula.pool.agent.patterns;
