package io.vantaechonebula.pool.agent.blockdata;

import io.vantaechonebula.analysis.stats.SeriesStatistic;
import io.vantaechonebula.pool.agent.blockdata.BlockDataResult.ChainFigures;
import io.vantaechonebula.pool.agent.blockdata.BlockDataResult.Miners;
import io.vantaechonebula.pool.agent.blockdata.BlockDataResult.NewBlock;
import io.vantaechonebula.pool.api.SampleView;
import io.vantaechonebula.pool.api.Severity;
import io.vantaechonebula.pool.stage.FindingReport;
import io.vantaechonebula.pool.stage.Json;
import io.vantaechonebula.pool.stage.ModelState;
import io.vantaechonebula.pool.stage.SampleProcessor;
import io.vantaechonebula.pool.stage.Statistics;
import io.vantaechonebula.pool.stage.Subjects;
import io.vantaechonebula.pool.store.StoredSample;
import io.vantaechonebula.telemetry.BlockRecord;
import io.vantaechonebula.telemetry.RefusedForks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The chains as the nodes see them. Per chain: the tip height, blocks and transactions per sample,
 * and each block the nodes report in their samples' {@code blocks}, taken once whichever node reports it
 * first: its interval, transactions, volume, fees, difficulty, and its miner's share of the recent blocks
 * ({@link MinerShares}; each new block carries the largest share after it). Per node and chain: its height
 * lag behind the tip, blocks, and mining hash rate. The side blocks a node reports it refused
 * ({@code refused_forks}: a fork deeper than it re-organises, or a branch far behind in work, docs/chain-spec.md
 * F6) become a {@code deep_fork} alert of that node and chain.
 * Its result carries the new blocks and the nodes' hash rates, which the Archivist and the Analyst learn from.
 */
public final class BlockDataProcessor implements SampleProcessor<BlockDataResult> {

    public static final String NAME = "block-data-processor";
    static final int TOP_MINERS = 5;

    private static final class ChainSummary {
        long samples;
        long blocks;
        long transactions;
        double hashRate;
        long tip;
        final List<NewBlock> newBlocks = new ArrayList<>();
        final Map<String, Double> hashRates = new TreeMap<>();
        /** Taken up at the chain's first reported block in the batch, stored once after it. */
        MinerShares miners;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BlockDataResult process(List<StoredSample> samples, Statistics statistics) {
        Map<String, ChainSummary> chains = new TreeMap<>();
        for (StoredSample stored : samples) {
            SampleView sample = stored.sample();
            if (sample.currentHeight() == null) {
                continue;
            }
            long at = sample.timestampMillis();
            String chain = Subjects.chain(sample.chainId());
            String node = Subjects.nodeOnChain(sample);
            SeriesStatistic height = statistics.series(chain, "height");
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
            takeBlocks(stored, summary, statistics);
            stored.extensions().refusedForks().ifPresent(refused -> statistics.report(deepFork(sample, refused)));
        }
        Map<String, ChainFigures> figures = new TreeMap<>();
        chains.forEach((id, summary) -> {
            Optional<Miners> miners = Optional.empty();
            if (summary.miners != null) {
                statistics.storeModel(Subjects.chain(id), "miner_shares",
                        new ModelState(MinerShares.MODEL, MinerShares.VERSION, summary.miners.blocks(), summary.miners.state()));
                miners = Optional.of(new Miners(summary.miners.top(TOP_MINERS), summary.miners.blocks()));
            }
            figures.put(id, new ChainFigures(summary.samples, summary.tip, summary.blocks, summary.transactions,
                    summary.hashRate / summary.samples, summary.hashRates, summary.newBlocks, miners));
        });
        return new BlockDataResult(figures);
    }

    private static FindingReport deepFork(SampleView sample, RefusedForks refused) {
        String summary = String.format(Locale.ROOT, "Node %s refused %d side block%s of %s, the last at height %d: a fork"
                + " deeper than it re-organises, or a branch far behind in work", sample.nodeId(), refused.blocks(),
                refused.blocks() == 1 ? "" : "s", sample.chainId(), refused.lastHeight());
        return FindingReport.alert(NAME, "deep_fork", Severity.WARNING, sample.nodeId(), sample.chainId(), summary,
                Json.object("refused_blocks", refused.blocks(), "last_height", refused.lastHeight(), "height",
                        sample.currentHeight(), "last_reason", refused.lastReason()), sample.receivedAtMs())
                .about(sample);
    }

    /** The sample's blocks above the highest this chain has taken; the rest another node reported first. */
    private static void takeBlocks(StoredSample stored, ChainSummary summary, Statistics statistics) {
        List<BlockRecord> reported = stored.extensions().blocks();
        if (reported.isEmpty()) {
            return;
        }
        SampleView sample = stored.sample();
        String chain = Subjects.chain(sample.chainId());
        SeriesStatistic heights = statistics.series(chain, "block_height");
        if (summary.miners == null) {
            summary.miners = statistics.model(chain, "miner_shares", MinerShares.MODEL, MinerShares.VERSION)
                    .map(MinerShares::fromState).orElseGet(MinerShares::empty);
        }
        for (BlockRecord block : reported) {
            if (heights.count() > 0 && block.height() <= heights.max()) {
                continue;
            }
            long at = block.timestampMs();
            heights.add(block.height(), at);
            if (block.intervalMs() != null) {
                statistics.series(chain, "block_interval_ms").add(block.intervalMs(), at);
            }
            statistics.series(chain, "block_transactions").add(block.transactions(), at);
            statistics.series(chain, "block_volume").add(block.volume(), at);
            statistics.series(chain, "block_fees").add(block.fees(), at);
            statistics.series(chain, "difficulty").add(block.difficulty(), at);
            summary.miners.add(block.miner());
            MinerShares.Share top = summary.miners.top(1).get(0);
            summary.newBlocks.add(new NewBlock(block, sample.nodeId(), summary.miners.blocks(), top.miner(), top.share()));
        }
    }
}
