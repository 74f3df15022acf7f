/**
 * A node's samples on their way to the pool: buffered, sent in batches, kept and retried with
 * backoff when the pool does not take them, and dropped oldest first, counted, when the buffer
 * overflows. Plain Java, shared by the collector in the server and by {@code ./vanta node}.
 */
package io.vantaechonebula.telemetry.outbox;
