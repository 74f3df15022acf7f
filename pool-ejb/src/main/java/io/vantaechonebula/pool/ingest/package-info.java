/**
 * How telemetry enters the pool: the JMS queues, the producer the HTTP door uses, the consumer
 * that validates and stores what arrives, and the dead-letter queue for what cannot be stored.
 */
package io.vantaechonebula.pool.ingest;
