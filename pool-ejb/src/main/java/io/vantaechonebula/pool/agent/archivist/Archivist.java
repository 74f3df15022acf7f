package io.vantaechonebula.pool.agent.archivist;

import io.vantaechonebula.analysis.stats.SeriesPair;
import io.vantaechonebula.analysis.stats.StreamingStatistic;
import io.vantaechonebula.pool.agent.blockdata.BlockDataProcessor;
import io.vantaechonebula.pool.agent.blockdata.BlockDataResult.NewBlock;
import io.vantaechonebula.pool.agent.blockdata.BlockDataResult;
import io.vantaechonebula.pool.api.Agent;
import io.vantaechonebula.pool.api.Severity;
import io.vantaechonebula.pool.stage.FindingReport;
import io.vantaechonebula.pool.stage.Json;
import io.vantaechonebula.pool.stage.JsonState;
import io.vantaechonebula.pool.stage.Learner;
import io.vantaechonebula.pool.stage.Statistics;
import io.vantaechonebula.pool.stage.Subjects;
import io.vantaechonebula.telemetry.BlockRecord;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Learns each chain's history from the blocks the Block Data Processor took: the usual block interval
 * (a slow and a fast exponentially weighted mean), transactions and volume per block, and fees as an
 * online regression on the block's transactions (the {@link SeriesPair} {@value #FEES_BY_TRANSACTIONS}).
 * One model per chain, so testnet and mainnet each have their own. It alerts on blocks coming
 * {@value #SLOW_FACTOR} times slower than usual ({@code slow_blocks}),
 * a block with far more transactions than usual ({@code transaction_surge}), and fees far above what the
 * block's transactions predict ({@code unusual_fees}); each only after {@value #MIN_BLOCKS} blocks learnt.
 */
public final class Archivist implements Learner {

    static final String MODEL = "archivist-chain-history";
    static final int VERSION = 1;
    static final String MODEL_NAME = "chain_history";
    static final int MIN_BLOCKS = 30;
    static final double SLOW_FACTOR = 3;
    static final double SURGE_FACTOR = 3;
    static final double SURGE_SIGMAS = 6;
    static final long SURGE_FLOOR = 10;
    static final double FEE_FACTOR = 2;
    static final double FEE_SIGMAS = 6;
    private static final double USUAL_WEIGHT = 0.02;
    private static final double RECENT_WEIGHT = 0.3;
    static final String FEES_BY_TRANSACTIONS = "fees~transactions";

    @Override
    public Agent agent() {
        return Agent.ARCHIVIST;
    }

    @Override
    public Set<String> learnsFrom() {
        return Set.of(BlockDataProcessor.NAME);
    }

    /** One chain's learnt history. */
    private static final class History {
        final StreamingStatistic interval;
        final StreamingStatistic recentInterval;
        final StreamingStatistic transactions;
        final StreamingStatistic volume;
        final StreamingStatistic feeResidual;
        long blocks;

        History(JsonObject state) {
            interval = JsonState.statistic(state, "interval_s", USUAL_WEIGHT);
            recentInterval = JsonState.statistic(state, "recent_interval_s", RECENT_WEIGHT);
            transactions = JsonState.statistic(state, "transactions", USUAL_WEIGHT);
            volume = JsonState.statistic(state, "volume", USUAL_WEIGHT);
            feeResidual = JsonState.statistic(state, "fee_residual", USUAL_WEIGHT);
            blocks = state == null ? 0 : state.getJsonNumber("blocks").longValue();
        }

        boolean slow() {
            return interval.count() >= MIN_BLOCKS && recentInterval.mean() > SLOW_FACTOR * interval.mean();
        }

        JsonObject json() {
            return Json.object("blocks", blocks, "interval_s", JsonState.json(interval),
                    "recent_interval_s", JsonState.json(recentInterval), "transactions", JsonState.json(transactions),
                    "volume", JsonState.json(volume), "fee_residual", JsonState.json(feeResidual));
        }
    }

    @Override
    public void learn(String stage, JsonObject result, long atMs, Statistics statistics) {
        BlockDataResult.of(result).chains().forEach((chainId, chain) -> {
            if (!chain.newBlocks().isEmpty()) {
                learnChain(chainId, chain.newBlocks(), atMs, statistics);
            }
        });
    }

    private static void learnChain(String chainId, List<NewBlock> blocks, long atMs, Statistics statistics) {
        String subject = Subjects.chain(chainId);
        History history = new History(JsonState.read(statistics, subject, MODEL_NAME, MODEL, VERSION));
        for (NewBlock block : blocks) {
            learnBlock(chainId, block.block(), history, atMs, statistics);
        }
        JsonState.write(statistics, subject, MODEL_NAME, MODEL, VERSION, history.blocks, history.json());
    }

    private static void learnBlock(String chainId, BlockRecord block, History history, long atMs, Statistics statistics) {
        history.blocks++;
        long height = block.height();
        if (block.intervalMs() != null) {
            double seconds = Math.max(0, block.intervalMs() / 1000.0);
            history.recentInterval.add(seconds);
            if (history.slow()) {
                statistics.report(FindingReport.alert(Agent.ARCHIVIST.id(), "slow_blocks", Severity.WARNING, null, chainId,
                        String.format(Locale.ROOT, "Blocks on %s come every %.1f s lately against %.1f s usually",
                                chainId, history.recentInterval.mean(), history.interval.mean()),
                        Json.object("recent_interval_s", history.recentInterval.mean(), "usual_interval_s", history.interval.mean(),
                                "last_interval_s", seconds, "height", height, "difficulty", block.difficulty(),
                                "blocks_learnt", history.interval.count()), atMs));
            } else {
                // The usual interval learns only while blocks are not slow, so a long stall stays an alert.
                history.interval.add(seconds);
            }
        }
        double transactions = block.transactions();
        StreamingStatistic usual = history.transactions;
        if (usual.count() >= MIN_BLOCKS && transactions >= SURGE_FLOOR
                && transactions > Math.max(SURGE_FACTOR * usual.mean(), usual.mean() + SURGE_SIGMAS * usual.standardDeviation())) {
            statistics.report(FindingReport.alert(Agent.ARCHIVIST.id(), "transaction_surge", Severity.WARNING, null, chainId,
                    String.format(Locale.ROOT, "Block %d on %s holds %.0f transactions against %.1f usually",
                            height, chainId, transactions, usual.mean()),
                    Json.object("height", height, "transactions", transactions, "usual_transactions", usual.mean(),
                            "usual_stddev", usual.standardDeviation(), "miner", block.miner(),
                            "blocks_learnt", usual.count()), atMs));
        } else {
            usual.add(transactions);
        }
        history.volume.add(block.volume());
        learnFees(chainId, block, transactions, history, atMs, statistics);
    }

    /** Fees against the line of fees on transactions the chain's blocks drew so far (the pair statistic's online regression). */
    private static void learnFees(String chainId, BlockRecord block, double transactions, History history, long atMs,
                                  Statistics statistics) {
        SeriesPair line = statistics.pair(Subjects.chain(chainId), FEES_BY_TRANSACTIONS);
        double fees = block.fees();
        double expected = Math.max(0, line.predict(transactions).orElse(line.meanY()));
        double residual = fees - expected;
        StreamingStatistic spread = history.feeResidual;
        // A spread under one fee unit is no spread: blocks whose fees the line predicts exactly would make any fee unusual.
        if (line.count() >= MIN_BLOCKS && fees > FEE_FACTOR * expected
                && residual > FEE_SIGMAS * Math.max(spread.standardDeviation(), 1)) {
            statistics.report(FindingReport.alert(Agent.ARCHIVIST.id(), "unusual_fees", Severity.WARNING, null, chainId,
                    String.format(Locale.ROOT, "Block %d on %s paid %.0f in fees where its %.0f transactions predict %.0f",
                            block.height(), chainId, fees, transactions, expected),
                    Json.object("height", block.height(), "fees", fees, "expected_fees", expected,
                            "transactions", transactions, "fee_per_transaction", line.slope().orElse(0),
                            "miner", block.miner()), atMs));
            return;
        }
        line.add(transactions, fees);
        spread.add(residual);
    }
}
