package io.vantaechonebula.pool.processing;

import io.vantaechonebula.pool.store.SampleView;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The chains as the nodes see them. Per chain: the tip height, blocks and transactions per sample;
 * per node and chain: its height lag behind the tip, blocks, and mining hash rate.
 */
public final class BlockDataProcessor implements SampleProcessor {

    public static final String NAME = "block-data-processor";

    private static final class ChainSummary {
        long samples;
        long blocks;
        long transactions;
        double hashRate;
        long tip;
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
            }
        }
        JsonObjectBuilder result = Json.PROVIDER.createObjectBuilder();
        chains.forEach((id, summary) -> result.add(id, Json.PROVIDER.createObjectBuilder()
                .add("samples", summary.samples)
                .add("tip", summary.tip)
                .add("blocks", summary.blocks)
                .add("transactions", summary.transactions)
                .add("mean_hash_rate", summary.hashRate / summary.samples)));
        return Json.PROVIDER.createObjectBuilder().add("chains", result).build();
    }
}
