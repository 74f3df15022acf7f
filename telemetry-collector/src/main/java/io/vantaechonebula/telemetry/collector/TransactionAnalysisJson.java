package io.vantaechonebula.telemetry.collector;

import io.vantaechonebula.analysis.tx.WatchReport;
import io.vantaechonebula.p2p.alert.Reason;
import io.vantaechonebula.p2p.alert.TransactionAlert;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/** A sample's {@code transaction_analysis} extension (docs/ingest.md): what the node's Transaction Analyzer saw. */
public final class TransactionAnalysisJson {

    private TransactionAnalysisJson() {
    }

    public static JsonObject of(WatchReport report) {
        JsonArrayBuilder alerts = Json.createArrayBuilder();
        for (TransactionAlert alert : report.raised()) {
            JsonArrayBuilder reasons = Json.createArrayBuilder();
            alert.reasons().stream().map(Reason::code).forEach(reasons::add);
            alerts.add(Json.createObjectBuilder().add("transaction", alert.transactionId().toString())
                    .add("sender", alert.sender().hex()).add("score", alert.score()).add("reasons", reasons)
                    .add("explanation", alert.explanation()).add("raised_at", alert.raisedAtMs()));
        }
        return Json.createObjectBuilder().add("analysed", report.analysed()).add("anomalous", report.anomalous())
                .add("max_score", report.maxScore()).add("alerts", alerts)
                .add("alerts_from_peers", report.heardFromPeers()).build();
    }
}
