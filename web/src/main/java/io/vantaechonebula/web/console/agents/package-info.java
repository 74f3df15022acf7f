/** The console's Agents page: the twelve, what each watches, whether it runs, what it did, learnt and found. */
package io.vantaechonebula.web.console.agents;
