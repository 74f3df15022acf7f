package io.vantaechonebula.pool.processing;

import io.vantaechonebula.pool.consolidation.MemoryConsolidator;
import java.util.List;

/** The stages every stored batch goes through, each run by the agent it is named after (docs/agents.md). */
public final class Processors {

    public static final List<SampleProcessor> STAGES = List.of(
            new BlockDataProcessor(), new TransactionAnalyzerStage(), new NetworkMonitor(), new PatternProcessor(), new LoadBaselines(),
            new MemoryConsolidator());

    private Processors() {
    }

    public static List<String> stageNames() {
        return STAGES.stream().map(SampleProcessor::name).toList();
    }
}
