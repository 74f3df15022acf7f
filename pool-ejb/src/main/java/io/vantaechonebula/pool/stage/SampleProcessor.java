package io.vantaechonebula.pool.stage;

import io.vantaechonebula.pool.api.SampleView;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * One of the pool's processors. It reads a batch of stored samples, oldest first, updates its
 * statistics, and returns what it found, which goes to the {@code Training} queue. Throwing fails
 * the batch for this processor alone: its statistics stay as they were and the batch comes again.
 */
public interface SampleProcessor {

    /** Lower-case name, used in statistics, stats and messages. */
    String name();

    JsonObject process(List<SampleView> samples, Statistics statistics);

    /** Whether its results go to the {@code Training} queue for the models. */
    default boolean feedsTraining() {
        return true;
    }
}
