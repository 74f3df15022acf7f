/**
 * A node's telemetry collector, shared by the server and the node agent: samples every few
 * seconds, buffers them in an outbox, and sends due batches to the pool.
 */
package io.vantaechonebula.telemetry.collector;
