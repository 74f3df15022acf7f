package io.vantaechonebula.pool.processing;

import java.util.List;

/** The pool's four processors, each run on every stored batch. */
public final class Processors {

    public static final List<SampleProcessor> ALL = List.of(
            new BlockchainProcessor(), new PatternProcessor(), new IntelligenceProcessor(), new LearningProcessor());

    private Processors() {
    }

    public static List<String> names() {
        return ALL.stream().map(SampleProcessor::name).toList();
    }
}
