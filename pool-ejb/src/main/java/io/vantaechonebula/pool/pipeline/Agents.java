package io.vantaechonebula.pool.pipeline;

import io.vantaechonebula.pool.agent.analyst.Analyst;
import io.vantaechonebula.pool.agent.archivist.Archivist;
import io.vantaechonebula.pool.agent.blockdata.BlockDataProcessor;
import io.vantaechonebula.pool.agent.consolidator.MemoryConsolidator;
import io.vantaechonebula.pool.agent.networkmonitor.NetworkMonitor;
import io.vantaechonebula.pool.agent.networkmonitor.SilenceWatch;
import io.vantaechonebula.pool.agent.optimizer.DecisionOptimizer;
import io.vantaechonebula.pool.agent.patterns.PatternProcessor;
import io.vantaechonebula.pool.agent.resonant.LoadBaselines;
import io.vantaechonebula.pool.agent.synthesizer.IntelligenceSynthesizer;
import io.vantaechonebula.pool.agent.transactions.TransactionAnalyzerStage;
import io.vantaechonebula.pool.stage.Learner;
import io.vantaechonebula.pool.stage.SampleProcessor;
import io.vantaechonebula.pool.stage.Watch;
import java.util.List;

/**
 * The agents' parts the pipeline runs (docs/agents.md), the one place that lists them: the stages every
 * stored batch goes through, the watches on their clock, and the learners the Learning Engine trains.
 * The Data Stream Processor is the intake itself ({@code pool.ingest}), the Learning Engine the rounds
 * of {@code pool.agent.learningengine} this pipeline drives.
 */
public final class Agents {

    public static final List<SampleProcessor<?>> STAGES = List.of(
            new BlockDataProcessor(), new TransactionAnalyzerStage(), new NetworkMonitor(), new PatternProcessor(),
            new LoadBaselines(), new MemoryConsolidator());

    public static final List<Watch> WATCHES = List.of(new SilenceWatch(), new IntelligenceSynthesizer(), new DecisionOptimizer());

    public static final List<Learner> LEARNERS = List.of(new Archivist(), new Analyst());

    private Agents() {
    }

    public static List<String> stageNames() {
        return STAGES.stream().map(SampleProcessor::name).toList();
    }
}
