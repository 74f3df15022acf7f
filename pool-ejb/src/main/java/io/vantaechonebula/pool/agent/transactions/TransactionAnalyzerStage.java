package io.vantaechonebula.pool.agent.transactions;

import io.vantaechonebula.pool.api.SampleView;
import io.vantaechonebula.pool.api.Severity;
import io.vantaechonebula.pool.stage.FindingReport;
import io.vantaechonebula.pool.stage.Json;
import io.vantaechonebula.pool.stage.SampleProcessor;
import io.vantaechonebula.pool.stage.StageResult;
import io.vantaechonebula.pool.stage.Statistics;
import io.vantaechonebula.pool.stage.Subjects;
import io.vantaechonebula.pool.store.StoredSample;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Transaction Analyzer's pool side. Every node runs the analyzer on the transactions it sees
 * (docs/analysis.md) and reports in its samples' {@code transaction_analysis}: how many it scored,
 * how many were anomalous, and the alerts it raised. Here those reports become the chain's alerts
 * ({@code double_spend}, {@code transaction_spam}, {@code suspicious_transaction}), one per chain and
 * kind however many nodes saw it, with the reporting nodes in the evidence; and per node and chain the
 * share of anomalous transactions and the highest score are learnt as series. A report that is not
 * shaped as the nodes write it is counted and skipped: it was stored as sent, and failing on it would
 * hold up the stage for good.
 */
public final class TransactionAnalyzerStage implements SampleProcessor<TransactionAnalyzerStage.Result> {

    public static final String NAME = "transaction-analyzer";

    /** What one run took from the nodes' reports. */
    public record Result(long reports, long analysed, long anomalous, long alerts, long malformed) implements StageResult {

        @Override
        public JsonObject json() {
            return Json.object("reports", reports, "analysed", analysed, "anomalous", anomalous, "alerts", alerts,
                    "malformed", malformed);
        }
    }

    /** What a node-side reason becomes at the pool, the most serious first. */
    private enum Kind {
        DOUBLE_SPEND("double_spend", Severity.CRITICAL, "nonce-conflict", "double-spend attempt"),
        TRANSACTION_SPAM("transaction_spam", Severity.WARNING, "sender-burst", "transaction burst from one sender"),
        SUSPICIOUS_TRANSACTION("suspicious_transaction", Severity.WARNING, null, "unusual transaction");

        final String id;
        final Severity severity;
        final String reason;
        final String words;

        Kind(String id, Severity severity, String reason, String words) {
            this.id = id;
            this.severity = severity;
            this.reason = reason;
            this.words = words;
        }

        static Kind of(List<String> reasons) {
            for (Kind kind : values()) {
                if (kind.reason != null && reasons.contains(kind.reason)) {
                    return kind;
                }
            }
            return SUSPICIOUS_TRANSACTION;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Result process(List<StoredSample> samples, Statistics statistics) {
        long reports = 0;
        long analysed = 0;
        long anomalous = 0;
        long alerts = 0;
        long malformed = 0;
        for (StoredSample stored : samples) {
            JsonObject report = stored.extensions().transactionAnalysis().orElse(null);
            if (report == null) {
                continue;
            }
            SampleView sample = stored.sample();
            Long scored = whole(report, "analysed");
            Long unusual = whole(report, "anomalous");
            Double maxScore = fraction(report, "max_score");
            if (scored == null || unusual == null || unusual > scored || maxScore == null) {
                malformed++;
                continue;
            }
            reports++;
            analysed += scored;
            anomalous += unusual;
            String node = Subjects.nodeOnChain(sample);
            long at = sample.timestampMillis();
            statistics.series(node, "transactions_analysed").add(scored, at);
            if (scored > 0) {
                statistics.series(node, "anomalous_share").add((double) unusual / scored, at);
                statistics.series(node, "max_score").add(maxScore, at);
            }
            JsonValue raised = report.get("alerts");
            if (raised instanceof JsonArray list) {
                for (JsonValue item : list) {
                    FindingReport finding = item instanceof JsonObject alert ? finding(sample, alert) : null;
                    if (finding == null) {
                        malformed++;
                    } else {
                        statistics.report(finding);
                        alerts++;
                    }
                }
            }
        }
        return new Result(reports, analysed, anomalous, alerts, malformed);
    }

    private static FindingReport finding(SampleView sample, JsonObject alert) {
        String transaction = text(alert, "transaction");
        String sender = text(alert, "sender");
        Double score = fraction(alert, "score");
        List<String> reasons = new ArrayList<>();
        if (alert.get("reasons") instanceof JsonArray list) {
            list.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).forEach(reasons::add);
        }
        if (transaction == null || sender == null || score == null || reasons.isEmpty()) {
            return null;
        }
        Kind kind = Kind.of(reasons);
        String explanation = text(alert, "explanation");
        String summary = String.format(Locale.ROOT, "Node %s saw a %s on %s: transaction %s from %s (score %.5f)",
                sample.nodeId(), kind.words, sample.chainId(), FindingReport.abbreviate(transaction),
                FindingReport.abbreviate(sender), score);
        return FindingReport.alert(NAME, kind.id, kind.severity, null, sample.chainId(), summary,
                Json.object("reported_by", sample.nodeId(), "transaction", transaction, "sender", sender, "score", score,
                        "reasons", Json.PROVIDER.createArrayBuilder(reasons).build(), "explanation", explanation), sample.receivedAtMs())
                .about(sample);
    }

    private static String text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString s && !s.getString().isBlank() ? s.getString() : null;
    }

    private static Long whole(JsonObject object, String name) {
        return object.get(name) instanceof JsonNumber n && n.isIntegral() && n.longValue() >= 0 ? n.longValue() : null;
    }

    private static Double fraction(JsonObject object, String name) {
        return object.get(name) instanceof JsonNumber n && n.doubleValue() >= 0 && n.doubleValue() <= 1 ? n.doubleValue() : null;
    }
}
