/**
 * What the pool's processors compute: each one a plain class that reads a batch of stored samples,
 * updates its own rolling statistics, and says what it found. No container types here.
 */
package io.vantaechonebula.pool.processing;
