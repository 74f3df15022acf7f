/** The pool's broker (OpenMQ on Payara, Artemis on WildFly), as {@code ./vanta node} and {@code ./vanta send} reach it from another machine. */
package io.vantaechonebula.agent.broker;
