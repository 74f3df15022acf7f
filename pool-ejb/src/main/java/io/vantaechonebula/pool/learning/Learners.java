package io.vantaechonebula.pool.learning;

import java.util.List;

/** The agents the Learning Engine trains (docs/agents.md). */
public final class Learners {

    public static final List<Learner> ALL = List.of(new Archivist(), new Analyst());

    private Learners() {
    }
}
