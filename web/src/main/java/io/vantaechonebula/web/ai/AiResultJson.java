package io.vantaechonebula.web.ai;

import io.vantaechonebula.analysis.tx.Finding;
import io.vantaechonebula.analysis.tx.TransactionScore;
import io.vantaechonebula.node.api.BlockFigures;
import io.vantaechonebula.node.api.TransactionsAssessment;
import io.vantaechonebula.pool.api.Agent;
import io.vantaechonebula.pool.api.MetricAssessment;
import io.vantaechonebula.pool.api.RuleAssessment;
import io.vantaechonebula.pool.api.SampleAssessment;
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

    static JsonObject samples(AiRequest request, List<SampleAssessment> assessments) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        List<String> standOut = new ArrayList<>();
        for (SampleAssessment assessment : assessments) {
            JsonArrayBuilder metrics = JSON.createArrayBuilder();
            for (MetricAssessment metric : assessment.metrics()) {
                if (metric.anomalous()) {
                    standOut.add(metric.explanation());
                }
                JsonObjectBuilder scored = JSON.createObjectBuilder().add("metric", metric.metric()).add("value", metric.value())
                        .add("score", metric.score()).add("anomalous", metric.anomalous())
                        .add("recent_level", metric.recentLevel()).add("recent_spread", metric.recentSpread());
                metric.lowestBefore().ifPresent(lowest -> scored.add("lowest_before", lowest));
                metric.highestBefore().ifPresent(highest -> scored.add("highest_before", highest));
                metrics.add(scored.add("learnt_from", metric.learntFrom()).add("explanation", metric.explanation()));
            }
            JsonArrayBuilder rules = JSON.createArrayBuilder();
            for (RuleAssessment check : assessment.rules()) {
                if (check.above()) {
                    standOut.add(check.explanation());
                }
                JsonObjectBuilder rule = JSON.createObjectBuilder().add("metric", check.metric())
                        .add("value", check.value()).add("threshold", check.threshold())
                        .add("threshold_learnt", check.thresholdLearnt()).add("above", check.above())
                        .add("explanation", check.explanation());
                check.alert().ifPresent(alert -> rule.add("alert", alert));
                check.recommendation().ifPresent(recommendation -> rule.add("recommendation", recommendation));
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

    static JsonObjectBuilder transactions(AiRequest request, TransactionsAssessment result) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        List<String> standOut = new ArrayList<>();
        double maxScore = 0;
        for (TransactionsAssessment.Assessed assessed : result.assessed()) {
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

    static JsonObject block(AiRequest request, BlockFigures block, TransactionsAssessment scored) {
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
        addIfPresent(figures, "interval_ms", block.intervalMs());
        addIfPresent(figures, "usual_interval_ms", block.usualIntervalMs());
        addIfPresent(figures, "target_interval_ms", block.targetIntervalMs());
        addIfPresent(figures, "miner_share", block.minerShare());
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

    /** A figure that may be missing; one that is not a finite number is shown as null. */
    private static void addIfPresent(JsonObjectBuilder json, String name, Number value) {
        if (value instanceof Long whole) {
            json.add(name, whole);
        } else if (value != null && Double.isFinite(value.doubleValue())) {
            json.add(name, value.doubleValue());
        } else if (value != null) {
            json.addNull(name);
        }
    }
}
