package io.vantaechonebula.pool.processing;

import io.vantaechonebula.pool.consolidation.MemoryConsolidator;
import java.util.List;

/** The pool's four processors, and the stages every stored batch goes through: the four, then consolidation. */
public final class Processors {

    public static final List<SampleProcessor> ALL = List.of(
            new BlockchainProcessor(), new PatternProcessor(), new IntelligenceProcessor(), new LearningProcessor());

    public static final List<SampleProcessor> STAGES = List.of(
            ALL.get(0), ALL.get(1), ALL.get(2), ALL.get(3), new MemoryConsolidator());

    private Processors() {
    }

    public static List<String> stageNames() {
        return STAGES.stream().map(SampleProcessor::name).toList();
    }
}
