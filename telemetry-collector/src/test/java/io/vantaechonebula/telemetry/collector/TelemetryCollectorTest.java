package io.vantaechonebula.telemetry.collector;

import io.vantaechonebula.analysis.tx.TransactionWatch;
import io.vantaechonebula.analysis.tx.WatchReport;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.telemetry.BlockRecord;
import io.vantaechonebula.telemetry.RefusedForks;
import io.vantaechonebula.telemetry.SampleExtensions;
import io.vantaechonebula.telemetry.TelemetryParser;
import io.vantaechonebula.telemetry.TelemetryPayload;
import io.vantaechonebula.telemetry.TelemetrySample;
import io.vantaechonebula.telemetry.host.ProcessSampler;
import io.vantaechonebula.telemetry.outbox.Backoff;
import io.vantaechonebula.telemetry.outbox.Outbox;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class TelemetryCollectorTest {

    private static final long START = 1_763_800_000_000L;

    private final List<TelemetryPayload> received = new ArrayList<>();
    private final TelemetryParser parser = new TelemetryParser(Clock.fixed(Instant.ofEpochMilli(START + 3_600_000), ZoneOffset.UTC), 1000);
    private int failuresToCome;
    private long height = 100;

    private final BatchSender sender = (nodeId, kind, payload) -> {
        if (failuresToCome > 0) {
            failuresToCome--;
            throw new BatchSender.SendFailedException("broker down");
        }
        try {
            received.add(parser.parse(payload.toString(), null));
        } catch (Exception e) {
            throw new AssertionError("The collector sent a payload the pool refuses: " + e.getMessage(), e);
        }
        return "taken";
    };

    private TelemetryCollector collector(int capacity) {
        AtomicLong seq = new AtomicLong();
        return new TelemetryCollector("node-a", "full",
                () -> List.of(new ChainReading("testnet", height++, 1, 12, 5e5), new ChainReading("mainnet", 40, 0, 0, 0)),
                () -> PeerReading.NONE, new ProcessSampler(), seq::getAndIncrement,
                new Outbox<>(capacity, 50, Duration.ofSeconds(30), new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), () -> 0.5)), sender);
    }

    @Test
    void samplesEachChainAndSendsOneBatchOf50() {
        TelemetryCollector collector = collector(1000);
        long now = START;
        // Two chains, a sample each per second: 50 wait after 25 s, before the 30 s limit.
        for (int tick = 0; tick < 25; tick++, now += 1000) {
            collector.sample(now);
            collector.sendDue(now);
        }

        assertThat(received.size()).isEqualTo(1);
        List<TelemetrySample> samples = received.get(0).samples();
        assertThat(samples).hasSize(50);
        assertThat(samples).extracting(TelemetrySample::seq).doesNotHaveDuplicates();
        assertThat(samples.get(0).chainId()).isEqualTo("testnet");
        assertThat(samples.get(0).currentHeight()).isEqualTo(100);
        assertThat(samples.get(0).transactionCount()).isEqualTo(12);
        assertThat(samples.get(1).chainId()).isEqualTo("mainnet");
        assertThat(samples.get(0).averageLatencyMs()).isNull();
        assertThat(samples.get(0).cpuUsage()).isBetween(0.0, 1.0);
    }

    @Test
    void aSimpleNodesAnalysisAndNewBlocksTravelWithItsSampleAndAnAlertGoesOutAtOnce() {
        Ed25519PrivateKey nodeKey = Ed25519PrivateKey.generate(new SecureRandom());
        Ed25519PrivateKey sender = Ed25519PrivateKey.generate(new SecureRandom());
        TransactionWatch watch = new TransactionWatch(nodeKey, alert -> { }, () -> START);
        watch.seen(Transaction.transfer(sender, "vanta-testnet", nodeKey.publicKey().address(), 900, 2, 0));
        watch.seen(Transaction.transfer(sender, "vanta-testnet", sender.publicKey().address(), 900, 2, 0));
        WatchReport report = watch.report("vanta-testnet");
        TelemetryCollector collector = new TelemetryCollector("node-s", "simple",
                () -> List.of(new ChainReading("testnet", 5, 1, 2, 0).withAnalysis(report)
                        .withBlocks(List.of(new BlockRecord(5, "ab12", "9f00", START - 1_000, 2, 1_800, 4, 4096.0, 9_000L)))
                        .withRefusedForks(Optional.of(new RefusedForks(2, 3, "F6: too deep")))
                        .withSync(Optional.of(new ChainReading.Sync(true, 120)))),
                () -> PeerReading.NONE,
                new ProcessSampler(), new AtomicLong()::getAndIncrement,
                new Outbox<>(100, 50, Duration.ofSeconds(30), new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), () -> 0.5)),
                this.sender);

        collector.sample(START);
        collector.sendSoon();
        assertThat(collector.sendDue(START + 1)).isEqualTo(1);

        assertThat(received.get(0).samples().get(0).syncing()).isTrue();
        assertThat(received.get(0).samples().get(0).blocksBehind()).isEqualTo(120);
        JsonObject analysis = Json.createReader(new StringReader(received.get(0).samples().get(0).extensionsJson())).readObject()
                .getJsonObject("transaction_analysis");
        assertThat(analysis.getInt("analysed")).isEqualTo(2);
        assertThat(analysis.getInt("anomalous")).isEqualTo(1);
        assertThat(analysis.getJsonNumber("max_score").doubleValue()).isEqualTo(1.0);
        JsonObject alert = analysis.getJsonArray("alerts").getJsonObject(0);
        assertThat(alert.getString("sender")).isEqualTo(sender.publicKey().address().hex());
        assertThat(alert.getJsonArray("reasons").getString(0)).isEqualTo("nonce-conflict");
        assertThat(alert.getString("explanation")).contains("already spent");
        JsonObject block = Json.createReader(new StringReader(received.get(0).samples().get(0).extensionsJson())).readObject()
                .getJsonArray("blocks").getJsonObject(0);
        assertThat(block.getInt("height")).isEqualTo(5);
        assertThat(block.getString("miner")).isEqualTo("9f00");
        assertThat(block.getInt("interval_ms")).isEqualTo(9_000);
        assertThat(SampleExtensions.decode(received.get(0).samples().get(0).extensionsJson()).refusedForks())
                .as("F6: what the chain refused").contains(new RefusedForks(2, 3, "F6: too deep"));
    }

    @Test
    void sendsWhatWaitedThirtySecondsEvenIfFewer() {
        TelemetryCollector collector = collector(1000);
        collector.sample(START);
        assertThat(collector.sendDue(START + 29_999)).isZero();
        assertThat(collector.sendDue(START + 30_000)).isEqualTo(1);
        assertThat(received.get(0).samples()).hasSize(2);
    }

    @Test
    void aRefusedBatchIsKeptAndSentLaterAndLowersTheReportedQuality() {
        TelemetryCollector collector = collector(1000);
        failuresToCome = 1;
        collector.sample(START);
        collector.sendDue(START + 30_000);
        assertThat(received.size()).isZero();
        assertThat(collector.status().buffered()).isEqualTo(2);
        assertThat(collector.status().lastFailure()).isEqualTo("broker down");

        collector.sample(START + 30_500);
        assertThat(collector.sendDue(START + 30_500)).as("waits for the backoff").isZero();
        assertThat(collector.sendDue(START + 31_000)).isEqualTo(1);

        assertThat(received.get(0).samples()).hasSize(4);
        assertThat(received.get(0).samples().get(2).connectionQuality()).as("one send of one failed").isZero();
        assertThat(collector.status().lastFailure()).isNull();
        assertThat(collector.status().connectionQuality()).isEqualTo(0.5);
    }

    @Test
    void aFullBufferDropsTheOldestAndTellsThePool() {
        TelemetryCollector collector = collector(50);
        failuresToCome = Integer.MAX_VALUE;
        long now = START;
        for (int tick = 0; tick < 30; tick++, now += 5000) {
            collector.sample(now);
            collector.sendDue(now);
        }
        assertThat(collector.status().dropped()).isEqualTo(10);

        failuresToCome = 0;
        collector.sendDue(now + 600_000);
        assertThat(received.size()).isEqualTo(1);
        assertThat(received.get(0).droppedSamples()).isEqualTo(10);
        assertThat(received.get(0).samples().get(0).currentHeight()).as("the oldest went").isEqualTo(105);
    }
}
