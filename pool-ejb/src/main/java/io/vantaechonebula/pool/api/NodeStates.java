package io.vantaechonebula.pool.api;

/**
 * How many of the nodes the pool has heard from are up (heard within a day and not silent), silent
 * (quiet for longer than their usual gap: a {@code node_silent} alert not resolved) or down (not heard for a
 * day, no longer watched); of those up or silent, how many are verified (their newest payload signed by their
 * registered key).
 */
public record NodeStates(long up, long silent, long down, long verified) {
}
