package io.vantaechonebula.pool.stage;

import io.vantaechonebula.pool.store.StoredSample;
import java.util.List;

/**
 * An agent's stage. It reads a batch of stored samples, oldest first, updates its statistics, and
 * returns what it found, which goes to the {@code Training} queue. Throwing fails the batch for this
 * stage alone: its statistics stay as they were and the batch comes again.
 *
 * @param <R> what it finds in a run
 */
public interface SampleProcessor<R extends StageResult> {

    /** Lower-case name, used in statistics, stats and messages. */
    String name();

    R process(List<StoredSample> samples, Statistics statistics);

    /** Whether its results go to the {@code Training} queue for the models. */
    default boolean feedsTraining() {
        return true;
    }
}
