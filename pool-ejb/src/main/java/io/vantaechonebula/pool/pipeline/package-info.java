/**
 * The pool's pipeline: stored batches wait per processor, and each processor works through its
 * own backlog in batches, in its own transactions, so one failing never holds up another.
 */
package io.vantaechonebula.pool.pipeline;
