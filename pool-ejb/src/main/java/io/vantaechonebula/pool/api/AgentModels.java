package io.vantaechonebula.pool.api;

/** An agent's models taken together. */
public record AgentModels(long count, long trainedValues, int lowestVersion, int highestVersion, long lastUpdatedMs) {

    public static final AgentModels NONE = new AgentModels(0, 0, 0, 0, 0);
}
