package io.vantaechonebula.telemetry;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * The side blocks a node refused on one chain since its previous sample, because their fork is deeper
 * than the node re-organises or their branch too far behind in work (docs/chain-spec.md F6), as its
 * samples report them in {@code refused_forks} (docs/ingest.md): what the Block Data Processor raises
 * a {@code deep_fork} alert from.
 *
 * @param blocks     how many side blocks were refused
 * @param lastHeight the height of the last of them
 * @param lastReason why the last was refused, as the node logged it
 */
public record RefusedForks(long blocks, long lastHeight, String lastReason) {

    /** The longest reason a sample carries; a longer one is cut. */
    public static final int MAX_REASON_LENGTH = 500;

    public RefusedForks {
        if (blocks < 1 || lastHeight < 0) {
            throw new IllegalArgumentException("refused forks need at least one block and a height of 0 or more");
        }
        lastReason = lastReason.length() > MAX_REASON_LENGTH ? lastReason.substring(0, MAX_REASON_LENGTH) : lastReason;
    }

    public JsonObjectBuilder json() {
        return Json.createObjectBuilder().add("blocks", blocks).add("last_height", lastHeight).add("last_reason", lastReason);
    }

    /**
     * What {@link #json()} writes; empty when the value is not shaped so (the parser refuses such a value, but a
     * sample stored before it checked them may hold one).
     */
    public static Optional<RefusedForks> fromJson(JsonValue value) {
        if (!(value instanceof JsonObject refused) || !(refused.get("blocks") instanceof JsonNumber blocks)
                || !(refused.get("last_height") instanceof JsonNumber height)
                || !(refused.get("last_reason") instanceof JsonString reason)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RefusedForks(blocks.longValueExact(), height.longValueExact(), reason.getString()));
        } catch (ArithmeticException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
