package io.vantaechonebula.pool.agent.transactions;

import static io.vantaechonebula.pool.stage.Samples.sample;
import static io.vantaechonebula.pool.stage.Samples.stored;
import static io.vantaechonebula.pool.stage.Samples.withExtensions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vantaechonebula.pool.api.SampleView;
import io.vantaechonebula.pool.api.Severity;
import io.vantaechonebula.pool.stage.FindingReport;
import io.vantaechonebula.pool.stage.MemoryStatistics;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionAnalyzerStageTest {

    private static final String SENDER = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4";

    @Test
    void aDoubleSpendTwoNodesSawIsOneCriticalAlertOfTheChainNamingTheSender() {
        MemoryStatistics statistics = new MemoryStatistics();
        String doubleSpend = alert("9f00", 1.0, "nonce-conflict", "nonce 4 was already spent");

        JsonObject result = new TransactionAnalyzerStage().process(stored(List.of(
                withAnalysis("a", 1, 40, 1, 1.0, doubleSpend),
                withAnalysis("b", 1, 38, 1, 1.0, doubleSpend))), statistics).json();

        List<FindingReport> alerts = statistics.reports("double_spend");
        assertThat(alerts).hasSize(2).allSatisfy(alert -> {
            assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(alert.nodeId()).as("about the chain, whichever node saw it").isNull();
            assertThat(alert.chainId()).isEqualTo("testnet");
            assertThat(alert.evidence().getString("sender")).isEqualTo(SENDER);
            assertThat(alert.evidence().getString("explanation")).isEqualTo("nonce 4 was already spent");
        });
        assertThat(alerts).extracting(alert -> alert.evidence().getString("reported_by")).containsExactly("a", "b");
        assertThat(alerts.get(0).summary()).startsWith("Node a saw a double-spend attempt on testnet: transaction 9f00 from a1b2c3d4e5f60718…");
        assertThat(result.getInt("analysed")).isEqualTo(78);
        assertThat(result.getInt("alerts")).isEqualTo(2);
        assertThat(statistics.series("node:a/testnet", "anomalous_share").last()).isEqualTo(1.0 / 40, within(1e-12));
    }

    @Test
    void aSenderBurstIsSpamAndAnUnusualAmountIsASuspiciousTransaction() {
        MemoryStatistics statistics = new MemoryStatistics();

        new TransactionAnalyzerStage().process(stored(List.of(withAnalysis("a", 1, 300, 2, 0.99999,
                alert("01", 0.999995, "sender-burst", "240 transactions within a minute"),
                alert("02", 0.99999, "unusual-amount", "amount 9,000,000 is 5.1 deviations above the usual")))), statistics);

        assertThat(statistics.reports("transaction_spam")).singleElement()
                .satisfies(alert -> assertThat(alert.severity()).isEqualTo(Severity.WARNING));
        assertThat(statistics.reports("suspicious_transaction")).singleElement()
                .satisfies(alert -> assertThat(alert.evidence().getJsonArray("reasons").getString(0)).isEqualTo("unusual-amount"));
    }

    @Test
    void quietReportsAreLearntAndBadlyShapedOnesAreCountedNotFailed() {
        MemoryStatistics statistics = new MemoryStatistics();

        JsonObject result = new TransactionAnalyzerStage().process(stored(List.of(
                withAnalysis("a", 1, 25, 0, 0.4),
                withExtensions(sample("a", "testnet", 2, 101, 10, 0.2), "{\"transaction_analysis\":{\"analysed\":\"many\"}}"),
                withExtensions(sample("a", "testnet", 3, 102, 10, 0.2), "{\"transaction_analysis\":{\"analysed\":3,"
                        + "\"anomalous\":1,\"max_score\":1,\"alerts\":[{\"transaction\":\"ab\"}, 7]}}"),
                withExtensions(sample("a", "testnet", 4, 103, 10, 0.2), "{\"ai_metrics\":{}}"),
                sample("a", "testnet", 5, 104, 10, 0.2))), statistics).json();

        assertThat(result.getInt("reports")).isEqualTo(2);
        assertThat(result.getInt("malformed")).as("a report without figures, an alert without reasons, one not an object").isEqualTo(3);
        assertThat(statistics.reports()).isEmpty();
        assertThat(statistics.series("node:a/testnet", "transactions_analysed").count()).isEqualTo(2);
        assertThat(statistics.series("node:a/testnet", "max_score").max()).isEqualTo(1.0);
    }

    private static String alert(String transaction, double score, String reason, String explanation) {
        return "{\"transaction\":\"" + transaction + "\",\"sender\":\"" + SENDER + "\",\"score\":" + score
                + ",\"reasons\":[\"" + reason + "\"],\"explanation\":\"" + explanation + "\",\"raised_at\":1763800000000}";
    }

    private static SampleView withAnalysis(String node, int index, long analysed, long anomalous, double maxScore,
                                           String... alerts) {
        return withExtensions(sample(node, "testnet", index, 100 + index, 10, 0.2), "{\"transaction_analysis\":{\"analysed\":"
                + analysed + ",\"anomalous\":" + anomalous + ",\"max_score\":" + maxScore + ",\"alerts\":["
                + String.join(",", alerts) + "],\"alerts_from_peers\":0}}");
    }
}
