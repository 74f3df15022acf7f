/** The agents over REST: their alerts and insights, their state, and node health. */
package io.vantaechonebula.web.agents;
