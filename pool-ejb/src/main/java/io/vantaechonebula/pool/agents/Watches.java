package io.vantaechonebula.pool.agents;

import java.util.List;

/** The watches the pipeline runs on its clock. */
public final class Watches {

    public static final List<Watch> ALL = List.of(new SilenceWatch(), new IntelligenceSynthesizer(), new DecisionOptimizer());

    private Watches() {
    }
}
