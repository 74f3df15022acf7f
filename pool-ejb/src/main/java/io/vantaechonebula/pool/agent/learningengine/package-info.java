/** The Learning Engine (docs/agents.md): the stages' results taken off the Training queue and each learner trained on them in turn. */
package io.vantaechonebula.pool.agent.learningengine;
