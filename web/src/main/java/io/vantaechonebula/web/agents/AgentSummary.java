package io.vantaechonebula.web.agents;

import io.vantaechonebula.pool.api.Agent;
import io.vantaechonebula.pool.api.AgentModels;
import io.vantaechonebula.pool.api.AgentSeries;
import io.vantaechonebula.pool.api.ProcessorSnapshot;
import java.util.List;

/**
 * One agent as the API and the console show it: its stages, watches and learners in the pipeline, what
 * it processed and failed on since the server started, and what it has learnt and found.
 *
 * @param intake the Data Stream Processor's intake (stored, duplicates, refused), else null
 * @param trainingQueue the Learning Engine's records taken off the Training queue and their rate, else null
 */
public record AgentSummary(Agent agent, List<Activity> activities, Intake intake, TrainingQueue trainingQueue,
                           long processed, long failures, AgentModels models, AgentSeries series, long findings) {

    /** One of its stages, watches or learners, and which. */
    public record Activity(ProcessorSnapshot snapshot, String kind) {
    }

    public record Intake(long stored, long duplicates, long refused, double perSecond, long sentToStoredP50Millis,
                         long sentToStoredP99Millis) {
    }

    public record TrainingQueue(long taken, double perSecond) {
    }

    /** It runs on this server: the pool has at least one of its activities. */
    public boolean running() {
        return !activities.isEmpty() || intake != null || trainingQueue != null;
    }

    /** When it last ran successfully, 0 if never since the server started. */
    public long lastRunMs() {
        return activities.stream().mapToLong(activity -> activity.snapshot().lastSuccessAtMs()).max().orElse(0);
    }

    /** The model versions, "3" or "2-4"; "" when it has none. */
    public String versions() {
        if (models.count() == 0) {
            return "";
        }
        return models.lowestVersion() == models.highestVersion() ? String.valueOf(models.highestVersion())
                : models.lowestVersion() + "-" + models.highestVersion();
    }
}
