package io.vantaechonebula.pool.agent.blockdata;

import io.vantaechonebula.pool.stage.Json;
import io.vantaechonebula.pool.stage.StageResult;
import io.vantaechonebula.telemetry.BlockRecord;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the Block Data Processor found in one run, per chain: the figures of its samples, the blocks it
 * took, and the nodes' hash rates, which the Archivist and the Analyst learn from.
 */
public record BlockDataResult(Map<String, ChainFigures> chains) implements StageResult {

    public BlockDataResult {
        chains = new TreeMap<>(chains);
    }

    /**
     * One chain in one run.
     *
     * @param hashRates each reporting node's newest hash rate in the run
     * @param miners    the miners' shares after the run's blocks; empty when the run took no block
     */
    public record ChainFigures(long samples, long tip, long blocks, long transactions, double meanHashRate,
                               Map<String, Double> hashRates, List<NewBlock> newBlocks, Optional<Miners> miners) {

        public ChainFigures {
            hashRates = new TreeMap<>(hashRates);
            newBlocks = List.copyOf(newBlocks);
        }
    }

    /** A block the chain took for the first time, with the largest miner share once it was counted. */
    public record NewBlock(BlockRecord block, String reportedBy, long blocksTaken, String topMiner, double topShare) {
    }

    /** The largest miner shares of the chain's recent blocks, and how many blocks the shares have counted. */
    public record Miners(List<MinerShares.Share> top, long blocksTaken) {

        public Miners {
            top = List.copyOf(top);
        }
    }

    @Override
    public JsonObject json() {
        JsonObjectBuilder json = Json.PROVIDER.createObjectBuilder();
        chains.forEach((id, chain) -> {
            JsonObjectBuilder rates = Json.PROVIDER.createObjectBuilder();
            chain.hashRates().forEach(rates::add);
            JsonArrayBuilder blocks = Json.PROVIDER.createArrayBuilder();
            chain.newBlocks().forEach(block -> blocks.add(block.block().json().add("reported_by", block.reportedBy())
                    .add("blocks_taken", block.blocksTaken()).add("top_miner", block.topMiner())
                    .add("top_share", block.topShare())));
            JsonObjectBuilder figures = Json.PROVIDER.createObjectBuilder()
                    .add("samples", chain.samples())
                    .add("tip", chain.tip())
                    .add("blocks", chain.blocks())
                    .add("transactions", chain.transactions())
                    .add("mean_hash_rate", chain.meanHashRate())
                    .add("hash_rates", rates)
                    .add("new_blocks", blocks);
            chain.miners().ifPresent(miners -> figures.add("miner_shares", topMiners(miners.top()))
                    .add("blocks_taken", miners.blocksTaken()));
            json.add(id, figures);
        });
        return Json.PROVIDER.createObjectBuilder().add("chains", json).build();
    }

    /** The largest shares as the evidence of a finding shows them. */
    public static JsonArrayBuilder topMiners(List<MinerShares.Share> shares) {
        JsonArrayBuilder top = Json.PROVIDER.createArrayBuilder();
        shares.forEach(share -> top.add(Json.object("miner", share.miner(), "share", share.share())));
        return top;
    }

    /** The result from its JSON form, as the Training queue carries it. */
    public static BlockDataResult of(JsonObject json) {
        Map<String, ChainFigures> chains = new TreeMap<>();
        json.getJsonObject("chains").forEach((id, value) -> chains.put(id, chain(value.asJsonObject())));
        return new BlockDataResult(chains);
    }

    private static ChainFigures chain(JsonObject chain) {
        Map<String, Double> rates = new TreeMap<>();
        chain.getJsonObject("hash_rates").forEach((node, rate) -> rates.put(node, ((JsonNumber) rate).doubleValue()));
        List<NewBlock> blocks = new ArrayList<>();
        for (JsonValue value : chain.getJsonArray("new_blocks")) {
            JsonObject block = value.asJsonObject();
            BlockRecord record = BlockRecord.fromJson(block)
                    .orElseThrow(() -> new IllegalArgumentException("a new block that is not shaped as a block: " + block));
            blocks.add(new NewBlock(record, block.getString("reported_by"), block.getJsonNumber("blocks_taken").longValue(),
                    block.getString("top_miner"), block.getJsonNumber("top_share").doubleValue()));
        }
        Optional<Miners> miners = Optional.empty();
        if (chain.get("miner_shares") != null) {
            List<MinerShares.Share> top = chain.getJsonArray("miner_shares").stream().map(JsonValue::asJsonObject)
                    .map(share -> new MinerShares.Share(share.getString("miner"), share.getJsonNumber("share").doubleValue()))
                    .toList();
            miners = Optional.of(new Miners(top, chain.getJsonNumber("blocks_taken").longValue()));
        }
        return new ChainFigures(chain.getJsonNumber("samples").longValue(), chain.getJsonNumber("tip").longValue(),
                chain.getJsonNumber("blocks").longValue(), chain.getJsonNumber("transactions").longValue(),
                chain.getJsonNumber("mean_hash_rate").doubleValue(), rates, blocks, miners);
    }
}
