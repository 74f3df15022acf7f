/** What a node measures of the machine and process it runs on: CPU, memory, uptime, network bytes. */
package io.vantaechonebula.telemetry.host;
