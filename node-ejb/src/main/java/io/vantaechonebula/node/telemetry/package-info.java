/** This node's telemetry: sampled every few seconds and sent to the pool in batches. */
package io.vantaechonebula.node.telemetry;
