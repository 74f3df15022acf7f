package io.vantaechonebula.web.agents;

import io.vantaechonebula.pool.api.Agent;
import io.vantaechonebula.pool.api.AgentModels;
import io.vantaechonebula.pool.api.AgentOperations;
import io.vantaechonebula.pool.api.AgentSeries;
import io.vantaechonebula.pool.api.PipelineSnapshot;
import io.vantaechonebula.pool.api.PoolMetrics;
import io.vantaechonebula.pool.api.PoolOperations;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The twelve agents summed up from the pipeline's snapshot (their stages and watches; the intake for the
 * Data Stream Processor; the Training queue for the Learning Engine) and what the database holds of
 * their models, statistics and findings.
 */
@ApplicationScoped
public class AgentSummaries {

    @EJB
    private PoolOperations pool;

    @EJB
    private AgentOperations state;


    /** Every agent, in the order of {@link Agent}. */
    public List<AgentSummary> all() {
        PipelineSnapshot pipeline = pool.pipeline();
        Map<String, AgentModels> models = state.models();
        Map<String, AgentSeries> series = state.series();
        Map<String, Long> findingCounts = state.findingCounts();
        return Arrays.stream(Agent.values()).map(agent -> summary(agent, pipeline, models, series, findingCounts)).toList();
    }

    public AgentSummary of(Agent agent) {
        return summary(agent, pool.pipeline(), state.models(), state.series(), state.findingCounts());
    }

    private AgentSummary summary(Agent agent, PipelineSnapshot pipeline, Map<String, AgentModels> models,
                                 Map<String, AgentSeries> series, Map<String, Long> findingCounts) {
        List<AgentSummary.Activity> activities = new ArrayList<>();
        pipeline.processors().stream().filter(p -> p.name().equals(agent.id()))
                .forEach(p -> activities.add(new AgentSummary.Activity(p, "stage")));
        pipeline.watches().stream().filter(w -> w.name().startsWith(agent.id() + ":"))
                .forEach(w -> activities.add(new AgentSummary.Activity(w, "watch")));
        pipeline.learners().stream().filter(l -> l.name().startsWith(agent.id() + ":"))
                .forEach(l -> activities.add(new AgentSummary.Activity(l, "learner")));
        long processed = activities.stream().mapToLong(activity -> activity.snapshot().samplesProcessed()).sum();
        long failures = activities.stream().mapToLong(activity -> activity.snapshot().failures()).sum();
        AgentSummary.Intake intake = null;
        if (agent == Agent.DATA_STREAM_PROCESSOR) {
            long rejected = (long) (PoolMetrics.DEAD_LETTERS.get() + PoolMetrics.MESSAGES_ROLLED_BACK.get());
            intake = new AgentSummary.Intake((long) PoolMetrics.SAMPLES_STORED.get(), (long) PoolMetrics.SAMPLES_DUPLICATE.get(), rejected,
                    pipeline.samplesStoredPerSecond(), pipeline.sentToStoredP50Millis(), pipeline.sentToStoredP99Millis());
            processed += intake.stored();
            failures += rejected;
        }
        AgentSummary.TrainingQueue training = null;
        if (agent == Agent.LEARNING_ENGINE) {
            training = new AgentSummary.TrainingQueue(pipeline.trainingRecordsTaken(), pipeline.trainingRecordsPerSecond());
            processed += training.taken();
        }
        return new AgentSummary(agent, activities, intake, training, processed, failures,
                models.getOrDefault(agent.id(), AgentModels.NONE), series.getOrDefault(agent.id(), AgentSeries.NONE),
                findingCounts.getOrDefault(agent.id(), 0L));
    }
}
