package io.vantaechonebula.web.ai;

import io.vantaechonebula.analysis.tx.Finding;
import io.vantaechonebula.analysis.tx.TransactionScore;
import io.vantaechonebula.pool.agents.SampleAssessor.Assessment;
import io.vantaechonebula.pool.agents.SampleAssessor.MetricScore;
import io.vantaechonebula.pool.agents.SampleAssessor.RuleCheck;
import io.vantaechonebula.pool.api.Agent;
import io.vantaechonebula.pool.processing.Json;
import io.vantaechonebula.pool.processing.PatternProcessor;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The {@code result} of {@code POST /api/v1/ai/process}: per agent, its scores and why. */
final class AiResultJson {

    private static final JsonProvider JSON = JsonProvider.provider();
    /** A block this many times slower than the chain's recent ones is worth a word. */
    static final double SLOW_BLOCK_FACTOR = 3;
    /** A miner with more than this share of the recent blocks dominates the chain. */
    static final double DOMINANT_SHARE = 0.5;

    private AiResultJson() {
    }

    static JsonObject samples(AiRequest request, List<Assessment> assessments) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        List<String> standOut = new ArrayList<>();
        for (Assessment assessment : assessments) {
            JsonArrayBuilder metrics = JSON.createArrayBuilder();
            for (MetricScore metric : assessment.metrics()) {
                String why = metricExplanation(metric);
                if (metric.anomalous()) {
                    standOut.add(why);
                }
                JsonObjectBuilder scored = JSON.createObjectBuilder().add("metric", metric.metric()).add("value", metric.value())
                        .add("score", metric.score()).add("anomalous", metric.anomalous())
                        .add("recent_level", metric.expected().level()).add("recent_spread", metric.expected().spread());
                if (metric.learntFrom() > 0) {
                    scored.add("lowest_before", metric.expected().lowest()).add("highest_before", metric.expected().highest());
                }
                metrics.add(scored.add("learnt_from", metric.learntFrom()).add("explanation", why));
            }
            JsonArrayBuilder rules = JSON.createArrayBuilder();
            for (RuleCheck check : assessment.rules()) {
                String why = ruleExplanation(request.nodeId(), check);
                if (check.broken()) {
                    standOut.add(why);
                }
                JsonObjectBuilder rule = JSON.createObjectBuilder().add("metric", check.rule().metric())
                        .add("value", check.value()).add("threshold", check.threshold().value())
                        .add("threshold_learnt", check.threshold().learnt()).add("above", check.broken())
                        .add("explanation", why);
                if (check.broken()) {
                    rule.add("alert", check.rule().alertKind()).add("recommendation", check.rule().action());
                }
                rules.add(rule);
            }
            array.add(JSON.createObjectBuilder().add("chain_id", assessment.sample().chainId())
                    .add("timestamp", assessment.sample().timestamp()).add("anomalous", assessment.anomalies() > 0)
                    .add(Agent.PATTERN_RECOGNIZER.id(), metrics).add("thresholds", rules));
        }
        return JSON.createObjectBuilder().add("kind", request.kind().id).add("node_id", request.nodeId())
                .add("samples", array).add("anomalies", standOut.size())
                .add("explanation", standOut.isEmpty()
                        ? "Nothing unusual in " + assessments.size() + " sample(s) of node " + request.nodeId()
                        : standOut.size() + " finding(s): " + String.join("; ", standOut))
                .build();
    }

    static JsonObjectBuilder transactions(AiRequest request, ChainAssessor.Transactions result) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        List<String> standOut = new ArrayList<>();
        double maxScore = 0;
        for (ChainAssessor.Assessed assessed : result.assessed()) {
            JsonObjectBuilder json = JSON.createObjectBuilder().add("id", assessed.transaction().id().toString())
                    .add("chain_id", assessed.transaction().chainId())
                    .add("sender", assessed.transaction().senderAddress().hex())
                    .add("signature_valid", assessed.score().isPresent());
            if (assessed.score().isEmpty()) {
                json.addNull("score").add("anomalous", false).add("reasons", JSON.createArrayBuilder())
                        .add("explanation", "its signature does not verify: a forged transaction says nothing of the sender it names, so it is not scored");
            } else {
                TransactionScore score = assessed.score().get();
                maxScore = Math.max(maxScore, score.score());
                JsonArrayBuilder reasons = JSON.createArrayBuilder();
                score.findings().stream().map(Finding::reason).forEach(reason -> reasons.add(reason.code()));
                json.add("score", score.score()).add("anomalous", score.anomalous()).add("reasons", reasons)
                        .add("explanation", score.explanation());
                if (score.anomalous()) {
                    standOut.add(assessed.transaction().id().toString().substring(0, 16) + "…: " + score.explanation());
                }
            }
            array.add(json);
        }
        JsonObjectBuilder learnt = JSON.createObjectBuilder();
        result.learntFrom().forEach(learnt::add);
        List<String> notes = new ArrayList<>();
        result.assessed().stream().map(a -> a.transaction().chainId()).distinct()
                .filter(chain -> !result.learntFrom().containsKey(chain))
                .forEach(chain -> notes.add("this server does not run chain " + chain + ": its transactions were scored"
                        + " against this set alone, so only conflicts within it can show"));
        String explanation = (result.assessed().isEmpty() ? "none"
                : standOut.isEmpty() ? "Nothing unusual in " + result.assessed().size() + " transaction(s)"
                : standOut.size() + " of " + result.assessed().size() + " transaction(s) anomalous: " + String.join("; ", standOut))
                + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
        return JSON.createObjectBuilder().add("kind", request.kind().id).add("node_id", request.nodeId())
                .add(Agent.TRANSACTION_ANALYZER.id(), JSON.createObjectBuilder().add("transactions", array)
                        .add("anomalous", standOut.size()).add("max_score", maxScore).add("learnt_from", learnt))
                .add("anomalies", standOut.size())
                .add("explanation", explanation);
    }

    static JsonObject block(AiRequest request, ChainAssessor.BlockFigures block, ChainAssessor.Transactions scored) {
        List<String> notes = new ArrayList<>();
        if (block.intervalMs() != null && block.usualIntervalMs() != null && block.usualIntervalMs() > 0
                && block.intervalMs() > SLOW_BLOCK_FACTOR * block.usualIntervalMs()) {
            notes.add(String.format(Locale.ROOT, "it came %.1f s after its parent where blocks lately came every %.1f s:"
                    + " hash rate may have dropped", block.intervalMs() / 1e3, block.usualIntervalMs() / 1e3));
        }
        if (block.minerShare() != null && block.minerShare() > DOMINANT_SHARE) {
            notes.add(String.format(Locale.ROOT, "its miner %s mined %.0f%% of the last %d blocks: one miner takes most"
                    + " blocks", block.miner(), block.minerShare() * 100, block.recentBlocks()));
        }
        String context = block.chainKnown() ? null : block.chainId() == null
                ? "the block names no chain (add \"chainId\") and has no transactions to tell it"
                : "this server does not run chain " + block.chainId() + ", so the block is not compared with its history";
        JsonObjectBuilder figures = JSON.createObjectBuilder().add("height", block.height()).add("miner", block.miner())
                .add("transactions", block.transactions()).add("volume", block.volume()).add("fees", block.fees())
                .add("recent_blocks", block.recentBlocks());
        if (block.chainId() != null) {
            figures.add("chain_id", block.chainId());
        }
        Json.addIfPresent(figures, "interval_ms", block.intervalMs());
        Json.addIfPresent(figures, "usual_interval_ms", block.usualIntervalMs());
        Json.addIfPresent(figures, "target_interval_ms", block.targetIntervalMs());
        Json.addIfPresent(figures, "miner_share", block.minerShare());
        JsonObjectBuilder result = transactions(request, scored);
        JsonObject transactionPart = result.build();
        String explanation = (notes.isEmpty() ? "Nothing unusual in the block" : "The block stands out: " + String.join("; ", notes))
                + (context == null ? "" : " (" + context + ")")
                + ". Its transactions: " + transactionPart.getString("explanation");
        int anomalies = transactionPart.getInt("anomalies") + notes.size();
        return JSON.createObjectBuilder(transactionPart)
                .add(Agent.BLOCK_DATA_PROCESSOR.id(), figures.add("notes", JSON.createArrayBuilder(notes)))
                .add("anomalies", anomalies)
                .add("explanation", explanation)
                .build();
    }

    private static String metricExplanation(MetricScore metric) {
        if (metric.learntFrom() == 0) {
            return metric.metric() + ": the pool has no model of this stream yet, so nothing can stand out";
        }
        return String.format(Locale.ROOT, "%s %s where it has lately been %s ± %s%s: score %.4f, %s the anomaly threshold %.4f"
                        + " (model learnt from %d values)", metric.metric(), PatternProcessor.figure(metric.value()),
                PatternProcessor.figure(metric.expected().level()), PatternProcessor.figure(metric.expected().spread()),
                PatternProcessor.outsideRange(metric.value(), metric.expected()),
                metric.score(), metric.anomalous() ? "at or above" : "under", PatternProcessor.ANOMALY_SCORE, metric.learntFrom());
    }

    private static String ruleExplanation(String nodeId, RuleCheck check) {
        if (check.broken()) {
            return check.rule().alert(check.rule().agent().id(), nodeId, check.value(), check.baseline(), 0).summary()
                    + ": " + check.rule().action();
        }
        return check.rule().metric() + " " + check.rule().format(check.value()) + " is within "
                + (check.threshold().learnt() ? "its learnt threshold " : "the threshold ") + check.rule().format(check.threshold().value());
    }
}
