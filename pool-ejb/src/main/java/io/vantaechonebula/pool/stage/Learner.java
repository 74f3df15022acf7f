package io.vantaechonebula.pool.stage;

import io.vantaechonebula.pool.api.Agent;
import jakarta.json.JsonObject;
import java.util.Set;

/**
 * A training-layer agent: the Learning Engine hands it the stages' results from the {@code Training}
 * queue, in order, a batch of up to 20 at a time, and keeps its models and findings with the batch.
 */
public interface Learner {

    Agent agent();

    /** The stages whose results it learns from. */
    Set<String> learnsFrom();

    /**
     * @param stage  which stage's result it is
     * @param result what the stage returned
     * @param atMs   when the Learning Engine took it off the queue, by the pool's clock
     */
    void learn(String stage, JsonObject result, long atMs, Statistics statistics);
}
