package io.vantaechonebula.web.agents;

import io.vantaechonebula.pool.api.Agent;
import io.vantaechonebula.pool.api.AgentModels;
import io.vantaechonebula.pool.api.AgentOperations;
import io.vantaechonebula.pool.api.AgentSeries;
import io.vantaechonebula.pool.api.FindingOperations;
import io.vantaechonebula.pool.api.ModelView;
import io.vantaechonebula.pool.api.PipelineSnapshot;
import io.vantaechonebula.pool.api.PoolOperations;
import io.vantaechonebula.pool.api.ProcessorSnapshot;
import io.vantaechonebula.web.pool.PoolStatsResource;
import io.vantaechonebula.web.problem.ApiProblemException;
import io.vantaechonebula.web.problem.ProblemType;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The twelve agents: what each does, what it did since the server started (its stages and watches
 * in the pipeline; the intake for the Data Stream Processor; the Training queue for the Learning
 * Engine), and what it has learnt and found, as the database holds it.
 */
@Path("agents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AgentsResource {

    private static final JsonProvider JSON = JsonProvider.provider();
    static final int MODELS_SHOWN = 50;
    static final int FINDINGS_SHOWN = 20;

    @EJB
    private PoolOperations pool;

    @EJB
    private AgentOperations state;

    @EJB
    private FindingOperations findings;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    private MetricRegistry metrics;

    @GET
    @Operation(summary = "The twelve agents",
            description = "Each with its job, its activities (processed, failures, run times), and its learnt state:"
                    + " models (count, values trained on, versions), streaming statistics, findings raised.")
    public JsonObject agents() {
        Context context = context();
        JsonArrayBuilder agents = JSON.createArrayBuilder();
        for (Agent agent : Agent.values()) {
            agents.add(summary(agent, context));
        }
        return JSON.createObjectBuilder().add("agents", agents).build();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One agent, with its models and latest findings",
            description = "By id (pattern-recognizer) or title (Pattern Recognizer); node=ID shows that node's models only.")
    @APIResponse(responseCode = "404", description = "No agent of that name")
    public JsonObject agent(@PathParam("name") String name, @QueryParam("node") String node) {
        Agent agent = Agent.named(name).orElseThrow(() -> new ApiProblemException(ProblemType.AGENT_NOT_FOUND,
                "There is no agent '" + name + "'; the agents are " + Arrays.stream(Agent.values()).map(Agent::id)
                        .collect(Collectors.joining(", "))));
        JsonObjectBuilder json = summary(agent, context());
        JsonArrayBuilder models = JSON.createArrayBuilder();
        for (ModelView model : state.modelsOf(agent, node == null || node.isBlank() ? null : node.trim(), MODELS_SHOWN)) {
            JsonObjectBuilder item = JSON.createObjectBuilder()
                    .add("subject", model.subject())
                    .add("stream", model.stream())
                    .add("version", model.version())
                    .add("trainedCount", model.trainedCount());
            model.model().ifPresent(text -> item.add("model", text)
                    .add("updatedAt", Instant.ofEpochMilli(model.updatedAtMs()).toString()));
            models.add(item);
        }
        JsonArrayBuilder latest = JSON.createArrayBuilder();
        findings.recentOfAgent(agent.id(), FINDINGS_SHOWN).forEach(finding -> latest.add(FindingJson.of(finding)));
        return json.add("models", models).add("latestFindings", latest).build();
    }

    private record Context(PipelineSnapshot pipeline, Map<String, AgentModels> models,
                           Map<String, AgentSeries> series, Map<String, Long> findingCounts) {
    }

    private Context context() {
        return new Context(pool.pipeline(), state.models(), state.series(), findings.countsByAgent());
    }

    private JsonObjectBuilder summary(Agent agent, Context context) {
        List<JsonObjectBuilder> activities = new ArrayList<>();
        long processed = 0;
        long failures = 0;
        for (ProcessorSnapshot activity : activitiesOf(agent, context.pipeline())) {
            activities.add(PoolStatsResource.processor(activity).add("kind", kindOf(activity, context.pipeline())));
            processed += activity.samplesProcessed();
            failures += activity.failures();
        }
        if (agent == Agent.DATA_STREAM_PROCESSOR) {
            long stored = count("vanta.pool.samples.stored");
            long rejected = count("vanta.pool.dead_letters") + count("vanta.pool.messages.rolled_back");
            activities.add(JSON.createObjectBuilder().add("name", "intake").add("kind", "intake")
                    .add("samplesProcessed", stored).add("duplicates", count("vanta.pool.samples.duplicate"))
                    .add("failures", rejected).add("samplesPerSecond", context.pipeline().samplesStoredPerSecond())
                    .add("sentToStoredMillis", JSON.createObjectBuilder().add("p50", context.pipeline().sentToStoredP50Millis())
                            .add("p99", context.pipeline().sentToStoredP99Millis())));
            processed += stored;
            failures += rejected;
        }
        if (agent == Agent.LEARNING_ENGINE) {
            activities.add(JSON.createObjectBuilder().add("name", "training-queue").add("kind", "queue")
                    .add("samplesProcessed", context.pipeline().trainingRecordsTaken())
                    .add("samplesPerSecond", context.pipeline().trainingRecordsPerSecond()));
            processed += context.pipeline().trainingRecordsTaken();
        }
        JsonArrayBuilder activityArray = JSON.createArrayBuilder();
        activities.forEach(activityArray::add);
        AgentModels models = context.models().getOrDefault(agent.id(), AgentModels.NONE);
        AgentSeries series = context.series().getOrDefault(agent.id(), AgentSeries.NONE);
        return JSON.createObjectBuilder()
                .add("id", agent.id())
                .add("title", agent.title())
                .add("layer", agent.layer().id())
                .add("job", agent.job())
                .add("running", !activities.isEmpty())
                .add("processed", processed)
                .add("failures", failures)
                .add("activities", activityArray)
                .add("state", JSON.createObjectBuilder()
                        .add("models", JSON.createObjectBuilder()
                                .add("count", models.count())
                                .add("trainedValues", models.trainedValues())
                                .add("versions", models.count() == 0 ? "" : models.lowestVersion() == models.highestVersion()
                                        ? String.valueOf(models.highestVersion())
                                        : models.lowestVersion() + "-" + models.highestVersion()))
                        .add("series", JSON.createObjectBuilder().add("count", series.count()).add("values", series.values()))
                        .add("findings", context.findingCounts().getOrDefault(agent.id(), 0L)));
    }

    private static List<ProcessorSnapshot> activitiesOf(Agent agent, PipelineSnapshot snapshot) {
        List<ProcessorSnapshot> activities = new ArrayList<>();
        snapshot.processors().stream().filter(p -> p.name().equals(agent.id())).forEach(activities::add);
        snapshot.watches().stream().filter(w -> w.name().startsWith(agent.id() + ":")).forEach(activities::add);
        snapshot.learners().stream().filter(l -> l.name().startsWith(agent.id() + ":")).forEach(activities::add);
        return activities;
    }

    private static String kindOf(ProcessorSnapshot activity, PipelineSnapshot snapshot) {
        if (snapshot.learners().contains(activity)) {
            return "learner";
        }
        return activity.name().contains(":") ? "watch" : "stage";
    }

    private long count(String counter) {
        return metrics.getCounters().entrySet().stream()
                .filter(entry -> entry.getKey().getName().equals(counter))
                .mapToLong(entry -> entry.getValue().getCount())
                .sum();
    }
}
