package io.vantaechonebula.pool.api;

import java.util.OptionalLong;

/**
 * What waits on one of the pool's queues.
 *
 * @param depth empty when the broker has not created the queue yet (it does on first use), so nothing is on it
 */
public record QueueDepth(String queue, OptionalLong depth) {
}
