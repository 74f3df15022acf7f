package io.vantaechonebula.pool.agent.analyst;

import io.vantaechonebula.analysis.stats.StreamingStatistic;
import io.vantaechonebula.pool.agent.blockdata.BlockDataProcessor;
import io.vantaechonebula.pool.agent.blockdata.BlockDataResult.NewBlock;
import io.vantaechonebula.pool.agent.blockdata.BlockDataResult;
import io.vantaechonebula.pool.agent.networkmonitor.NetworkMonitor;
import io.vantaechonebula.pool.agent.networkmonitor.NetworkResult;
import io.vantaechonebula.pool.api.Agent;
import io.vantaechonebula.pool.api.Severity;
import io.vantaechonebula.pool.stage.FindingReport;
import io.vantaechonebula.pool.stage.Json;
import io.vantaechonebula.pool.stage.JsonState;
import io.vantaechonebula.pool.stage.Learner;
import io.vantaechonebula.pool.stage.Statistics;
import io.vantaechonebula.pool.stage.Subjects;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Learns what attacks on the chains and abuse of the pool look like against each one's usual activity:
 * <ul>
 * <li>{@code dominant_miner}: one miner holds at least half of a chain's recent blocks, and at least
 * {@value #DOMINANCE_MARGIN} more than the largest share usually is (a chain with one miner all along is its normal);</li>
 * <li>{@code hash_rate_collapse}: the hash rate the chain's nodes report, together, falls below
 * {@value #COLLAPSE_SHARE} of its usual level;</li>
 * <li>{@code pool_flood}: a node sends more samples in the last minute (by its samples' timestamps) than
 * {@value #FLOOD_FACTOR} times its usual and more than {@value #FLOOD_FLOOR}.</li>
 * </ul>
 * The usual levels learn only while nothing is alerting, so an attack that goes on stays an alert.
 */
public final class Analyst implements Learner {

    static final String MINERS_MODEL = "analyst-miner-dominance";
    static final String HASH_RATE_MODEL = "analyst-hash-rate";
    static final String INTAKE_MODEL = "analyst-intake-rate";
    static final int VERSION = 1;
    /** 3: the previous minute's count is kept, and whether it flooded. */
    static final int INTAKE_VERSION = 3;
    static final double DOMINANT_SHARE = 0.5;
    static final double DOMINANCE_MARGIN = 0.25;
    static final long MIN_BLOCKS = 20;
    static final double COLLAPSE_SHARE = 0.4;
    static final long MIN_HASH_RATE_READINGS = 10;
    /** A node's hash rate counts toward the chain's while it reported within this long. */
    static final long HASH_RATE_FRESH_MS = 120_000;
    static final double FLOOD_FACTOR = 5;
    static final long FLOOD_FLOOR = 240;
    private static final double USUAL_WEIGHT = 0.05;
    private static final long MINUTE_MS = 60_000;

    @Override
    public Agent agent() {
        return Agent.ANALYST;
    }

    @Override
    public Set<String> learnsFrom() {
        return Set.of(BlockDataProcessor.NAME, NetworkMonitor.NAME);
    }

    @Override
    public void learn(String stage, JsonObject result, long atMs, Statistics statistics) {
        if (stage.equals(NetworkMonitor.NAME)) {
            NetworkResult.of(result).nodes().forEach((nodeId, node) ->
                    learnIntake(nodeId, node.samplesByMinute(), node.timestamp(), atMs, statistics));
            return;
        }
        BlockDataResult.of(result).chains().forEach((chainId, chain) -> {
            if (!chain.newBlocks().isEmpty()) {
                learnMiners(chainId, chain.newBlocks(), chain.miners().map(miners -> BlockDataResult.topMiners(miners.top()).build())
                        .orElse(JsonValue.EMPTY_JSON_ARRAY), atMs, statistics);
            }
            if (!chain.hashRates().isEmpty()) {
                learnHashRate(chainId, chain.hashRates(), atMs, statistics);
            }
        });
    }

    /** Per new block, the largest miner share after it against the usual largest share. */
    private static void learnMiners(String chainId, List<NewBlock> blocks, JsonArray topMiners, long atMs, Statistics statistics) {
        String subject = Subjects.chain(chainId);
        JsonObject state = JsonState.read(statistics, subject, "miner_dominance", MINERS_MODEL, VERSION);
        StreamingStatistic usualTop = JsonState.statistic(state, "usual_top_share", USUAL_WEIGHT);
        boolean dominant = false;
        for (NewBlock block : blocks) {
            double share = block.topShare();
            dominant = block.blocksTaken() >= MIN_BLOCKS && usualTop.count() >= MIN_BLOCKS
                    && share >= DOMINANT_SHARE && share >= usualTop.mean() + DOMINANCE_MARGIN;
            if (dominant) {
                statistics.report(FindingReport.alert(Agent.ANALYST.id(), "dominant_miner", Severity.WARNING, null, chainId,
                        String.format(Locale.ROOT, "Miner %s holds %.0f%% of the recent blocks on %s; the largest share is usually %.0f%%",
                                FindingReport.abbreviate(block.topMiner()), share * 100, chainId, usualTop.mean() * 100),
                        Json.object("miner", block.topMiner(), "share", share, "usual_top_share", usualTop.mean(),
                                "height", block.block().height(), "top_miners", topMiners,
                                "blocks_taken", block.blocksTaken()), atMs));
            } else {
                usualTop.add(share);
            }
        }
        JsonState.write(statistics, subject, "miner_dominance", MINERS_MODEL, VERSION, usualTop.count(),
                Json.object("usual_top_share", JsonState.json(usualTop), "dominant", dominant));
    }

    private static void learnHashRate(String chainId, Map<String, Double> rates, long atMs, Statistics statistics) {
        String subject = Subjects.chain(chainId);
        JsonObject state = JsonState.read(statistics, subject, "hash_rate", HASH_RATE_MODEL, VERSION);
        StreamingStatistic usual = JsonState.statistic(state, "usual_hash_rate", USUAL_WEIGHT);
        Map<String, double[]> latest = new TreeMap<>();
        if (state != null && state.get("nodes") instanceof JsonObject known) {
            known.forEach((node, reading) -> latest.put(node, new double[] {
                    ((JsonArray) reading).getJsonNumber(0).doubleValue(), ((JsonArray) reading).getJsonNumber(1).doubleValue()}));
        }
        rates.forEach((node, rate) -> latest.put(node, new double[] {rate, atMs}));
        latest.values().removeIf(reading -> atMs - reading[1] > HASH_RATE_FRESH_MS);
        double total = latest.values().stream().mapToDouble(reading -> reading[0]).sum();
        boolean collapsed = usual.count() >= MIN_HASH_RATE_READINGS && usual.mean() > 0 && total < COLLAPSE_SHARE * usual.mean();
        if (collapsed) {
            statistics.report(FindingReport.alert(Agent.ANALYST.id(), "hash_rate_collapse", Severity.CRITICAL, null, chainId,
                    String.format(Locale.ROOT, "The hash rate on %s fell to %.0f H/s, %.0f%% of its usual %.0f H/s",
                            chainId, total, 100 * total / usual.mean(), usual.mean()),
                    Json.object("hash_rate", total, "usual_hash_rate", usual.mean(), "nodes_reporting", latest.size(),
                            "readings_learnt", usual.count()), atMs));
        } else {
            usual.add(total);
        }
        JsonObjectBuilder nodes = Json.PROVIDER.createObjectBuilder();
        latest.forEach((node, reading) -> nodes.add(node, Json.PROVIDER.createArrayBuilder().add(reading[0]).add((long) reading[1])));
        JsonState.write(statistics, subject, "hash_rate", HASH_RATE_MODEL, VERSION, usual.count(),
                Json.object("usual_hash_rate", JsonState.json(usual), "nodes", nodes.build(), "hash_rate", total,
                        "collapsed", collapsed));
    }

    /**
     * Counts the node's samples per minute of their timestamps; a minute teaches the usual rate once it and the one
     * after it ended without a flood. The rate
     * compared is over the last 60 s, estimated from this minute's count and the share of the previous minute's still
     * inside that window, so a burst that straddles two minutes counts whole.
     */
    private static void learnIntake(String nodeId, Map<Long, Long> minutes, BigDecimal newestSeconds, long atMs,
                                    Statistics statistics) {
        String subject = Subjects.node(nodeId);
        JsonObject state = JsonState.read(statistics, subject, "intake_rate", INTAKE_MODEL, INTAKE_VERSION);
        StreamingStatistic usual = JsonState.statistic(state, "usual_per_minute", USUAL_WEIGHT);
        long minute = state == null ? 0 : state.getJsonNumber("minute_ms").longValue();
        long count = state == null ? 0 : state.getJsonNumber("count").longValue();
        long previous = state == null ? 0 : state.getJsonNumber("previous_count").longValue();
        boolean flooding = state != null && state.getBoolean("flooding", false);
        boolean previousFlooding = state != null && state.getBoolean("previous_flooding", false);
        for (Map.Entry<Long, Long> entry : new TreeMap<>(minutes).entrySet()) {
            long start = entry.getKey();
            long samples = entry.getValue();
            if (start > minute) {
                // A minute is learnt once the one after it ended calm too: the first half of a flood that
                // straddles two minutes alerts only in the second, and must not be learnt as usual.
                if (previous > 0 && !previousFlooding && !flooding) {
                    usual.add(previous);
                }
                boolean next = start == minute + MINUTE_MS;
                previous = next ? count : 0;
                previousFlooding = next && flooding;
                minute = start;
                count = 0;
                flooding = false;
            }
            if (start == minute) {
                count += samples;
            }
        }
        long newestMs = newestSeconds == null ? minute : newestSeconds.movePointRight(3).longValue();
        double elapsed = Math.min(1, Math.max(0, (newestMs - minute) / (double) MINUTE_MS));
        double lastMinute = count + previous * (1 - elapsed);
        double limit = Math.max(FLOOD_FLOOR, FLOOD_FACTOR * usual.mean());
        if (lastMinute > limit) {
            flooding = true;
            statistics.report(FindingReport.alert(Agent.ANALYST.id(), "pool_flood", Severity.WARNING, nodeId, null,
                    String.format(Locale.ROOT, "Node %s sent %.0f samples in the last minute; it usually sends %.0f", nodeId,
                            lastMinute, usual.mean()),
                    Json.object("samples_last_minute", Math.round(lastMinute), "usual_per_minute", usual.mean(), "limit", limit,
                            "minutes_learnt", usual.count()), atMs));
        }
        JsonState.write(statistics, subject, "intake_rate", INTAKE_MODEL, INTAKE_VERSION, usual.count(),
                Json.object("usual_per_minute", JsonState.json(usual),
                "minute_ms", minute, "count", count, "previous_count", previous, "previous_flooding", previousFlooding,
                "flooding", flooding));
    }
}
