package io.vantaechonebula.web.ai;

import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.node.api.BlockAssessment;
import io.vantaechonebula.node.api.ChainAssessments;
import io.vantaechonebula.pool.api.AssessmentOperations;
import io.vantaechonebula.pool.api.SampleView;
import io.vantaechonebula.telemetry.FieldError;
import io.vantaechonebula.telemetry.InvalidTelemetryException;
import io.vantaechonebula.telemetry.TelemetryParser;
import io.vantaechonebula.telemetry.TelemetryPayload;
import io.vantaechonebula.web.LimitedBody;
import io.vantaechonebula.web.problem.Problem;
import io.vantaechonebula.web.problem.ProblemType;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.time.Clock;
import java.util.List;

/**
 * The agents' verdict on data sent to them: a block, a transaction set or a sample batch, scored
 * against what the pool and this server's chains have learnt, with explanations. Nothing sent here
 * is stored or learnt; data meant to be learnt goes through ingest (docs/agents.md).
 */
@Path("ai/process")
@RequestScoped
public class AiProcessResource {

    private static final JsonProvider JSON = JsonProvider.provider();
    static final long MAX_BODY_BYTES = 2 * 1024 * 1024;

    @EJB
    private ChainAssessments assessments;

    @EJB
    private AssessmentOperations samples;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response process(InputStream body) throws IOException {
        String text = LimitedBody.read(body, MAX_BODY_BYTES, ProblemType.INVALID_BODY,
                "Send at most " + ChainAssessments.MAX_TRANSACTIONS + " transactions or samples per request.");
        try {
            AiRequest request = AiRequest.of(object(text));
            JsonObject result = switch (request.kind()) {
                case SAMPLES -> samples(request);
                case TRANSACTIONS -> transactions(request);
                case BLOCK -> block(request);
            };
            return Response.ok(JSON.createObjectBuilder().add("result", result).build(), MediaType.APPLICATION_JSON_TYPE).build();
        } catch (InvalidTelemetryException e) {
            return Problem.of(ProblemType.INVALID_BODY, "Nothing was scored. Fix these and send the request again: "
                    + e.getMessage(), e.errors());
        }
    }

    private JsonObject samples(AiRequest request) throws InvalidTelemetryException {
        TelemetryPayload payload;
        try {
            payload = new TelemetryParser(Clock.systemUTC(), TelemetryParser.DEFAULT_MAX_SAMPLES_PER_BATCH)
                    .parse(request.data().asJsonObject(), null);
        } catch (InvalidTelemetryException e) {
            throw new InvalidTelemetryException(e.errors().stream()
                    .map(error -> new FieldError("data." + error.field(), error.message())).toList());
        }
        if (!payload.nodeId().equals(request.nodeId())) {
            throw new InvalidTelemetryException("data.node_id", "is \"" + payload.nodeId() + "\" but node_id says \""
                    + request.nodeId() + "\"; send one node's samples under its id");
        }
        long now = System.currentTimeMillis();
        List<SampleView> views = payload.samples().stream().map(sample -> SampleView.of(sample, now, false)).toList();
        return AiResultJson.samples(request, samples.assess(request.nodeId(), views));
    }

    private JsonObject transactions(AiRequest request) throws InvalidTelemetryException {
        String path = request.data().getValueType() == JsonValue.ValueType.ARRAY ? "data" : "data.transactions";
        List<Transaction> transactions = TransactionsJson.parse(request.transactions(), path);
        return AiResultJson.transactions(request, assessments.transactions(transactions, request.timestampMillis())).build();
    }

    private JsonObject block(AiRequest request) throws InvalidTelemetryException {
        JsonObject block = request.data().asJsonObject();
        if (!(block.get("height") instanceof JsonNumber height) || !height.isIntegral() || height.longValue() < 0) {
            throw new InvalidTelemetryException("data.height", "must be the block's height, a whole number ≥ 0");
        }
        if (!(block.get("miner") instanceof JsonString miner)) {
            throw new InvalidTelemetryException("data.miner", "must be the miner's address (40 hex characters)");
        }
        long timestampMs = block.get("timestampMs") instanceof JsonNumber ms ? ms.longValue() : request.timestampMillis();
        List<Transaction> transactions = block.getJsonArray("transactions").isEmpty() ? List.of()
                : TransactionsJson.parse(block.getJsonArray("transactions"), "data.transactions");
        String chainId = block.get("chainId") instanceof JsonString id ? id.getString()
                : transactions.isEmpty() ? null : transactions.get(0).chainId();
        BlockAssessment assessed = assessments.block(chainId, height.longValue(), miner.getString(), timestampMs, transactions);
        return AiResultJson.block(request, assessed.figures(), assessed.transactions());
    }

    private static JsonObject object(String text) throws InvalidTelemetryException {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidTelemetryException("$", "must be a JSON object {\"type\":\"ai_processing\",\"data\":…,"
                        + "\"node_id\":…,\"timestamp\":…}");
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw new InvalidTelemetryException("$", "is not valid JSON: " + e.getMessage());
        } catch (RuntimeException e) {
            // Parsson refuses input nested deeper than its limit with a plain RuntimeException.
            throw new InvalidTelemetryException("$", "is not valid JSON: " + e.getMessage());
        }
    }
}
