package io.vantaechonebula.pool.stage;

import io.vantaechonebula.pool.api.Agent;
/**
 * A part of an agent's job that runs on a clock rather than on each batch: noticing that nothing
 * arrived, or going over what the other agents found. Each run is one transaction.
 */
public interface Watch {

    Agent agent();

    /** Short, unique within the agent: the watch's metrics are kept as {@code agent:name}. */
    String name();

    long periodMs();

    /** @return how many items (nodes, findings) it went over */
    int run(WatchContext context);

    default String id() {
        return agent().id() + ":" + name();
    }
}
