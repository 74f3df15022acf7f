/** The console's Pool page: queues, rates, each stage's lag and failures, dead letters (sent again or discarded by an admin) and dead batches. */
package io.vantaechonebula.web.console.pool;
