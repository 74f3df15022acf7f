package io.vantaechonebula.web.agents;

import io.vantaechonebula.pool.api.Agent;
import io.vantaechonebula.pool.api.AgentOperations;
import io.vantaechonebula.pool.api.FindingOperations;
import io.vantaechonebula.pool.api.ModelView;
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
import java.util.Arrays;
import java.util.stream.Collectors;

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
    private AgentOperations state;

    @EJB
    private FindingOperations findings;

    @Inject
    private AgentSummaries summaries;

    @GET
    public JsonObject agents() {
        JsonArrayBuilder agents = JSON.createArrayBuilder();
        summaries.all().forEach(summary -> agents.add(summary(summary)));
        return JSON.createObjectBuilder().add("agents", agents).build();
    }

    @GET
    @Path("{name}")
    public JsonObject agent(@PathParam("name") String name, @QueryParam("node") String node) {
        Agent agent = Agent.named(name).orElseThrow(() -> new ApiProblemException(ProblemType.AGENT_NOT_FOUND,
                "There is no agent '" + name + "'; the agents are " + Arrays.stream(Agent.values()).map(Agent::id)
                        .collect(Collectors.joining(", "))));
        JsonObjectBuilder json = summary(summaries.of(agent));
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

    private static JsonObjectBuilder summary(AgentSummary summary) {
        JsonArrayBuilder activities = JSON.createArrayBuilder();
        summary.activities().forEach(activity ->
                activities.add(PoolStatsResource.processor(activity.snapshot()).add("kind", activity.kind())));
        if (summary.intake() != null) {
            AgentSummary.Intake intake = summary.intake();
            activities.add(JSON.createObjectBuilder().add("name", "intake").add("kind", "intake")
                    .add("samplesProcessed", intake.stored()).add("duplicates", intake.duplicates())
                    .add("failures", intake.refused()).add("samplesPerSecond", intake.perSecond())
                    .add("sentToStoredMillis", JSON.createObjectBuilder().add("p50", intake.sentToStoredP50Millis())
                            .add("p99", intake.sentToStoredP99Millis())));
        }
        if (summary.trainingQueue() != null) {
            activities.add(JSON.createObjectBuilder().add("name", "training-queue").add("kind", "queue")
                    .add("samplesProcessed", summary.trainingQueue().taken())
                    .add("samplesPerSecond", summary.trainingQueue().perSecond()));
        }
        Agent agent = summary.agent();
        return JSON.createObjectBuilder()
                .add("id", agent.id())
                .add("title", agent.title())
                .add("layer", agent.layer().id())
                .add("job", agent.job())
                .add("running", summary.running())
                .add("processed", summary.processed())
                .add("failures", summary.failures())
                .add("activities", activities)
                .add("state", JSON.createObjectBuilder()
                        .add("models", JSON.createObjectBuilder()
                                .add("count", summary.models().count())
                                .add("trainedValues", summary.models().trainedValues())
                                .add("versions", summary.versions()))
                        .add("series", JSON.createObjectBuilder().add("count", summary.series().count())
                                .add("values", summary.series().values()))
                        .add("findings", summary.findings()));
    }
}
