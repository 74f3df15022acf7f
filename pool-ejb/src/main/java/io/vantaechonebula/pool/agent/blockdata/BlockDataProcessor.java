package io.vantaechonebula.pool.agent.blockdata;

import io.vantaechonebula.pool.stage.Extensions;
import io.vantaechonebula.pool.stage.Json;
import io.vantaechonebula.pool.stage.SampleProcessor;
import io.vantaechonebula.pool.stage.Statistics;
import io.vantaechonebula.pool.stage.Subjects;
import io.vantaechonebula.pool.statistics.ModelRecord;
import io.vantaechonebula.pool.statistics.RollingStatistic;
import io.vantaechonebula.pool.api.SampleView;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The chains as the nodes see them. Per chain: the tip height, blocks and transactions per sample,
 * and each block the nodes report in their samples' {@code blocks}, taken once whichever node reports it
 * first: its interval, transactions, volume, fees, difficulty, and its miner's share of the recent blocks
 * ({@link MinerShares}; each new block carries the largest share after it). Per node and chain: its height
 * lag behind the tip, blocks, and mining hash rate.
 * Its result carries the new blocks and the nodes' hash rates, which the Archivist and the Analyst learn from.
 */
public final class BlockDataProcessor implements SampleProcessor {

    public static final String NAME = "block-data-processor";
    static final String BLOCKS = "blocks";
    static final int TOP_MINERS = 5;

    private static final class ChainSummary {
        long samples;
        long blocks;
        long transactions;
        double hashRate;
        long tip;
        final JsonArrayBuilder newBlocks = Json.PROVIDER.createArrayBuilder();
        final Map<String, Double> hashRates = new TreeMap<>();
        /** Read at the chain's first reported block in the batch, stored once after it. */
        ModelRecord sharesModel;
        MinerShares miners;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public JsonObject process(List<SampleView> samples, Statistics statistics) {
        Map<String, ChainSummary> chains = new TreeMap<>();
        for (SampleView sample : samples) {
            if (sample.currentHeight() == null) {
                continue;
            }
            long at = sample.timestamp().movePointRight(3).longValue();
            String chain = Subjects.chain(sample.chainId());
            String node = Subjects.nodeOnChain(sample);
            RollingStatistic height = statistics.series(chain, "height");
            height.add(sample.currentHeight(), at);
            long tip = (long) height.max();
            statistics.series(node, "height").add(sample.currentHeight(), at);
            statistics.series(node, "height_lag").add(Math.max(0, tip - sample.currentHeight()), at);

            ChainSummary summary = chains.computeIfAbsent(sample.chainId(), id -> new ChainSummary());
            summary.samples++;
            summary.tip = tip;
            if (sample.blocksProcessed() != null) {
                statistics.series(chain, "blocks_per_sample").add(sample.blocksProcessed(), at);
                statistics.series(node, "blocks_per_sample").add(sample.blocksProcessed(), at);
                summary.blocks += sample.blocksProcessed();
            }
            if (sample.transactionCount() != null) {
                statistics.series(chain, "transactions_per_sample").add(sample.transactionCount(), at);
                summary.transactions += sample.transactionCount();
            }
            if (sample.miningHashRate() != null) {
                statistics.series(node, "hash_rate").add(sample.miningHashRate(), at);
                summary.hashRate += sample.miningHashRate();
                summary.hashRates.put(sample.nodeId(), sample.miningHashRate());
            }
            takeBlocks(sample, summary, statistics);
        }
        JsonObjectBuilder result = Json.PROVIDER.createObjectBuilder();
        chains.forEach((id, summary) -> {
            JsonObjectBuilder chain = Json.PROVIDER.createObjectBuilder()
                    .add("samples", summary.samples)
                    .add("tip", summary.tip)
                    .add("blocks", summary.blocks)
                    .add("transactions", summary.transactions)
                    .add("mean_hash_rate", summary.hashRate / summary.samples)
                    .add("hash_rates", Json.PROVIDER.createObjectBuilder(new TreeMap<String, Object>(summary.hashRates)))
                    .add("new_blocks", summary.newBlocks);
            if (summary.miners != null) {
                summary.sharesModel.store(MinerShares.MODEL, MinerShares.VERSION, summary.miners.blocks(),
                        summary.miners.state(), System.currentTimeMillis());
                JsonArrayBuilder top = Json.PROVIDER.createArrayBuilder();
                summary.miners.top(TOP_MINERS).forEach(share -> top.add(Json.object("miner", share.miner(), "share", share.share())));
                chain.add("miner_shares", top).add("blocks_taken", summary.miners.blocks());
            }
            result.add(id, chain);
        });
        return Json.PROVIDER.createObjectBuilder().add("chains", result).build();
    }

    /** The sample's blocks above the highest this chain has taken; the rest another node reported first. */
    private static void takeBlocks(SampleView sample, ChainSummary summary, Statistics statistics) {
        List<JsonObject> reported = reportedBlocks(sample);
        if (reported.isEmpty()) {
            return;
        }
        String chain = Subjects.chain(sample.chainId());
        RollingStatistic heights = statistics.series(chain, "block_height");
        if (summary.miners == null) {
            summary.sharesModel = statistics.model(chain, "miner_shares");
            summary.miners = summary.sharesModel.state(MinerShares.MODEL, MinerShares.VERSION)
                    .map(MinerShares::fromState).orElseGet(MinerShares::empty);
        }
        for (JsonObject block : reported) {
            long height = block.getJsonNumber("height").longValue();
            if (heights.count() > 0 && height <= heights.max()) {
                continue;
            }
            long at = block.getJsonNumber("timestamp_ms").longValue();
            heights.add(height, at);
            if (block.get("interval_ms") instanceof JsonNumber interval) {
                statistics.series(chain, "block_interval_ms").add(interval.doubleValue(), at);
            }
            statistics.series(chain, "block_transactions").add(block.getJsonNumber("transactions").doubleValue(), at);
            statistics.series(chain, "block_volume").add(block.getJsonNumber("volume").doubleValue(), at);
            statistics.series(chain, "block_fees").add(block.getJsonNumber("fees").doubleValue(), at);
            statistics.series(chain, "difficulty").add(block.getJsonNumber("difficulty").doubleValue(), at);
            summary.miners.add(block.getString("miner"));
            MinerShares.Share top = summary.miners.top(1).get(0);
            summary.newBlocks.add(Json.PROVIDER.createObjectBuilder(block).add("reported_by", sample.nodeId())
                    .add("blocks_taken", summary.miners.blocks()).add("top_miner", top.miner()).add("top_share", top.share()));
        }
    }

    /** The sample's blocks that are shaped as nodes write them, lowest first (the intake checked them; older rows may differ). */
    private static List<JsonObject> reportedBlocks(SampleView sample) {
        if (!(Extensions.of(sample, BLOCKS) instanceof JsonArray array)) {
            return List.of();
        }
        List<JsonObject> blocks = new ArrayList<>();
        for (JsonValue value : array) {
            if (value instanceof JsonObject block && wellFormed(block)) {
                blocks.add(block);
            }
        }
        blocks.sort(Comparator.comparingLong(block -> block.getJsonNumber("height").longValue()));
        return blocks;
    }

    private static boolean wellFormed(JsonObject block) {
        for (String number : List.of("height", "timestamp_ms", "transactions", "volume", "fees", "difficulty")) {
            if (!(block.get(number) instanceof JsonNumber)) {
                return false;
            }
        }
        return block.get("miner") instanceof JsonString && block.get("hash") instanceof JsonString;
    }
}
