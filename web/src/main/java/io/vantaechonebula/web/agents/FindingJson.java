package io.vantaechonebula.web.agents;

import io.vantaechonebula.pool.api.FindingView;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.Optional;

/** An alert or insight as the API shows it. */
final class FindingJson {

    private static final JsonProvider JSON = JsonProvider.provider();

    private FindingJson() {
    }

    static JsonObject of(FindingView finding) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", finding.id())
                .add("type", finding.type().id())
                .add("agent", finding.agent())
                .add("kind", finding.kind())
                .add("severity", finding.severity().id())
                .add("nodeId", orNull(finding.nodeId()))
                .add("chainId", orNull(finding.chainId()))
                .add("summary", finding.summary())
                .add("evidence", finding.evidence())
                .add("firstSeen", Instant.ofEpochMilli(finding.firstSeenMs()).toString())
                .add("lastSeen", Instant.ofEpochMilli(finding.lastSeenMs()).toString())
                .add("occurrences", finding.occurrences())
                .add("active", finding.active());
        finding.resolvedAtMs().ifPresentOrElse(at -> json.add("resolvedAt", Instant.ofEpochMilli(at).toString()),
                () -> json.addNull("resolvedAt"));
        finding.recommendation().ifPresentOrElse(text -> json.add("recommendation", text), () -> json.addNull("recommendation"));
        if (finding.acknowledgedBy().isPresent()) {
            json.add("acknowledgement", JSON.createObjectBuilder()
                    .add("by", finding.acknowledgedBy().get())
                    .add("at", Instant.ofEpochMilli(finding.acknowledgedAtMs().orElseThrow()).toString())
                    .add("comment", finding.acknowledgedComment().orElse("")));
        } else {
            json.addNull("acknowledgement");
        }
        return json.build();
    }

    private static JsonValue orNull(Optional<String> value) {
        return value.<JsonValue>map(JSON::createValue).orElse(JsonValue.NULL);
    }

}
