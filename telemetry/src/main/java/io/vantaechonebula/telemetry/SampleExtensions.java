package io.vantaechonebula.telemetry;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A sample's optional parts (docs/ingest.md) as the pool reads them, decoded once from the JSON the
 * parser kept ({@link TelemetrySample#extensionsJson()}).
 *
 * @param blocks              the blocks the node reports, lowest first; those not shaped as nodes write them left out
 * @param transactionAnalysis the node's transaction analyzer report, as sent
 * @param refusedForks        the side blocks the node refused since its previous sample (F6)
 */
public record SampleExtensions(List<BlockRecord> blocks, Optional<JsonObject> transactionAnalysis,
                               Optional<RefusedForks> refusedForks) {

    public static final SampleExtensions NONE = new SampleExtensions(List.of(), Optional.empty(), Optional.empty());
    private static final JsonProvider JSON = JsonProvider.provider();

    public SampleExtensions {
        blocks = List.copyOf(blocks);
    }

    /** The parts of a sample's extensions; {@link #NONE} when it has none or they do not read as an object. */
    public static SampleExtensions decode(String extensionsJson) {
        if (extensionsJson == null) {
            return NONE;
        }
        JsonObject extensions;
        try (JsonReader reader = JSON.createReader(new StringReader(extensionsJson))) {
            extensions = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return NONE;
        }
        List<BlockRecord> blocks = extensions.get("blocks") instanceof JsonArray array
                ? array.stream().map(BlockRecord::fromJson).flatMap(Optional::stream)
                        .sorted(Comparator.comparingLong(BlockRecord::height)).toList()
                : List.of();
        JsonValue analysis = extensions.get("transaction_analysis");
        return new SampleExtensions(blocks, analysis instanceof JsonObject object ? Optional.of(object) : Optional.empty(),
                extensions.containsKey("refused_forks") ? RefusedForks.fromJson(extensions.get("refused_forks")) : Optional.empty());
    }
}
