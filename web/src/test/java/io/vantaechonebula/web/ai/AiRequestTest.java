package io.vantaechonebula.web.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vantaechonebula.telemetry.FieldError;
import io.vantaechonebula.telemetry.InvalidTelemetryException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class AiRequestTest {

    @Test
    void theDataIsToldApartByItsShape() throws Exception {
        assertThat(request("{\"data_batch\":[]}").kind()).isEqualTo(AiRequest.Kind.SAMPLES);
        assertThat(request("{\"height\":5,\"miner\":\"ab\",\"transactions\":[]}").kind()).isEqualTo(AiRequest.Kind.BLOCK);
        assertThat(request("{\"transactions\":[{}]}").kind()).isEqualTo(AiRequest.Kind.TRANSACTIONS);
        AiRequest array = request("[{}, {}]");
        assertThat(array.kind()).isEqualTo(AiRequest.Kind.TRANSACTIONS);
        assertThat(array.transactions()).hasSize(2);
        assertThat(request("{\"transactions\":[]}").timestampMillis()).isEqualTo(1_763_800_000_500L);
    }

    @Test
    void everyProblemOfTheEnvelopeIsNamedAtOnce() {
        JsonObject wrong = Json.createObjectBuilder().add("type", "ai").add("node_id", "has space")
                .add("timestamp", 1_763_800_000_000L).add("data", Json.createObjectBuilder().add("rows", 1)).build();

        assertThatThrownBy(() -> AiRequest.of(wrong)).isInstanceOfSatisfying(InvalidTelemetryException.class, e -> {
            assertThat(e.errors()).extracting(FieldError::field).containsExactly("type", "node_id", "timestamp", "data");
            assertThat(e.errors().get(2).message()).contains("milliseconds are too large");
            assertThat(e.errors().get(3).message()).contains("a block").contains("a transaction set").contains("a sample batch");
        });
        assertThatThrownBy(() -> AiRequest.of(JsonValue.EMPTY_JSON_OBJECT)).isInstanceOfSatisfying(InvalidTelemetryException.class,
                e -> assertThat(e.errors()).extracting(FieldError::message).allMatch(message -> message.startsWith("is missing")));
    }

    private static AiRequest request(String data) throws InvalidTelemetryException {
        JsonValue parsed = Json.createReader(new StringReader(data)).readValue();
        return AiRequest.of(Json.createObjectBuilder().add("type", "ai_processing").add("node_id", "node-1")
                .add("timestamp", 1_763_800_000.5).add("data", parsed).build());
    }
}
