package io.vantaechonebula.pool.api;

/** Samples a node says its buffer dropped, because the pool did not take them in time. */
public record NodeDrops(String nodeId, long dropped) {
}
