/** The pool's OpenMQ broker, as {@code ./vanta node} and {@code ./vanta send} reach it from another machine. */
package io.vantaechonebula.agent.broker;
