package io.vantaechonebula.pool.agent.blockdata;

import io.vantaechonebula.pool.stage.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each miner's share of a chain's recent blocks, exponentially weighted: every block moves
 * {@value #WEIGHT} of the share to its miner, so a miner that takes most of the next few blocks
 * shows at once, and one that stopped fades out. Stored as a model between batches.
 */
public final class MinerShares {

    public static final String MODEL = "ew-miner-share";
    public static final int VERSION = 1;
    static final double WEIGHT = 0.15;
    /** Shares below this are forgotten: a miner with one block long ago. */
    private static final double FORGOTTEN = 1e-3;

    /** A miner and its share of the recent blocks. */
    public record Share(String miner, double share) {
    }

    private final Map<String, Double> shares;
    private long blocks;

    private MinerShares(Map<String, Double> shares, long blocks) {
        this.shares = shares;
        this.blocks = blocks;
    }

    public static MinerShares empty() {
        return new MinerShares(new HashMap<>(), 0);
    }

    public static MinerShares fromState(byte[] state) {
        try (JsonReader reader = Json.PROVIDER.createReader(new StringReader(new String(state, StandardCharsets.UTF_8)))) {
            JsonObject json = reader.readObject();
            Map<String, Double> shares = new HashMap<>();
            json.getJsonObject("shares").forEach((miner, share) -> shares.put(miner, ((jakarta.json.JsonNumber) share).doubleValue()));
            return new MinerShares(shares, json.getJsonNumber("blocks").longValue());
        }
    }

    public byte[] state() {
        JsonObjectBuilder json = Json.PROVIDER.createObjectBuilder();
        shares.forEach(json::add);
        return Json.object("blocks", blocks, "shares", json.build()).toString().getBytes(StandardCharsets.UTF_8);
    }

    public void add(String miner) {
        shares.replaceAll((who, share) -> share * (1 - WEIGHT));
        shares.merge(miner, blocks == 0 ? 1.0 : WEIGHT, Double::sum);
        shares.values().removeIf(share -> share < FORGOTTEN);
        blocks++;
    }

    public long blocks() {
        return blocks;
    }

    /** The miners with the largest shares, largest first. */
    public List<Share> top(int count) {
        return shares.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(count).map(e -> new Share(e.getKey(), e.getValue())).toList();
    }
}
