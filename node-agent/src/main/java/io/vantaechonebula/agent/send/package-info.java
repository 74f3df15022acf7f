/** {@code vanta send}: telemetry payloads from a file to the pool, over HTTP or straight to its JMS broker. */
package io.vantaechonebula.agent.send;
