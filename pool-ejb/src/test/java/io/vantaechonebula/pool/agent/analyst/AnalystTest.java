package io.vantaechonebula.pool.agent.analyst;

import static io.vantaechonebula.pool.stage.Samples.stored;
import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.pool.agent.blockdata.BlockDataProcessor;
import io.vantaechonebula.pool.agent.networkmonitor.NetworkMonitor;
import io.vantaechonebula.pool.api.SampleView;
import io.vantaechonebula.pool.stage.ChainStream;
import io.vantaechonebula.pool.stage.MemoryStatistics;
import io.vantaechonebula.pool.stage.Samples;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalystTest {

    private final Analyst analyst = new Analyst();
    private final MemoryStatistics statistics = new MemoryStatistics();

    private void block(ChainStream chain, String miner, double hashRate) {
        analyst.learn(BlockDataProcessor.NAME, chain.next(miner, 10_000, 3, 10, hashRate), chain.timeMs(), statistics);
    }

    @Test
    void oneMinerTakingMostBlocksOfAChainWithManyIsDominantWithinAFewBlocks() {
        ChainStream chain = new ChainStream("testnet");
        for (int i = 0; i < 60; i++) {
            block(chain, "m" + i % 4, 1000);
        }
        assertThat(statistics.reports()).isEmpty();
        int attackBlocks = 0;
        while (statistics.reports("dominant_miner").isEmpty() && attackBlocks < 30) {
            block(chain, "attacker", 1000);
            attackBlocks++;
        }

        assertThat(attackBlocks).isLessThanOrEqualTo(6);
        var alert = statistics.reports("dominant_miner").get(0);
        assertThat(alert.chainId()).isEqualTo("testnet");
        assertThat(alert.evidence().getString("miner")).isEqualTo("attacker");
        assertThat(alert.evidence().getJsonNumber("usual_top_share").doubleValue()).isLessThan(0.45);
    }

    @Test
    void aChainThatAlwaysHadOneMinerIsNormal() {
        ChainStream chain = new ChainStream("devnet");
        for (int i = 0; i < 100; i++) {
            block(chain, "solo", 1000);
        }
        assertThat(statistics.reports()).isEmpty();
    }

    @Test
    void theChainsReportedHashRateFallingToATenthIsACollapse() {
        ChainStream chain = new ChainStream("testnet");
        for (int i = 0; i < 30; i++) {
            block(chain, "m" + i % 4, 5000 + 100 * (i % 3));
        }
        assertThat(statistics.reports()).isEmpty();
        block(chain, "m1", 450);

        assertThat(statistics.reports("hash_rate_collapse")).singleElement().satisfies(alert -> {
            assertThat(alert.evidence().getJsonNumber("hash_rate").doubleValue()).isEqualTo(450.0);
            assertThat(alert.evidence().getJsonNumber("usual_hash_rate").doubleValue()).isBetween(5000.0, 5200.0);
        });
    }

    @Test
    void aNodeSendingFarMoreSamplesThanUsualFloodsThePoolButABacklogDoesNot() {
        NetworkMonitor monitor = new NetworkMonitor();
        MemoryStatistics stage = new MemoryStatistics();
        long start = Samples.START_SECONDS;
        // Five minutes as usual: a sample every 5 s, sent in batches of 6.
        for (int batch = 0; batch < 50; batch++) {
            List<SampleView> samples = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                samples.add(at("n1", start + 30L * batch + 5L * i));
            }
            feed(monitor, stage, samples);
        }
        // Back after an outage: an hour of samples at once, spread over the hour by their timestamps.
        List<SampleView> backlog = new ArrayList<>();
        for (int i = 0; i < 720; i++) {
            backlog.add(at("n1", start + 1500 + 5L * i));
        }
        feed(monitor, stage, backlog);
        assertThat(statistics.reports()).as("a backlog is not a flood").isEmpty();

        List<SampleView> flood = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            flood.add(at("n1", start + 5200 + i / 10));
        }
        feed(monitor, stage, flood);

        assertThat(statistics.reports("pool_flood")).singleElement().satisfies(alert -> {
            assertThat(alert.nodeId()).isEqualTo("n1");
            assertThat(alert.evidence().getJsonNumber("samples_last_minute").longValue()).isGreaterThan(240);
            assertThat(alert.evidence().getJsonNumber("usual_per_minute").doubleValue()).isBetween(11.0, 13.0);
        });
    }

    @Test
    void theFirstHalfOfAFloodIsNotLearntAsUsualForANodeWithLittleHistory() {
        NetworkMonitor monitor = new NetworkMonitor();
        MemoryStatistics stage = new MemoryStatistics();
        long minute = (Samples.START_SECONDS / 60 + 10) * 60;
        // A minute and a half as usual, then 200 samples at the end of one minute and 200 at the start of the next.
        for (long t = minute - 150; t < minute - 10; t += 5) {
            feed(monitor, stage, List.of(at("n3", t)));
        }
        for (long fromMs : new long[] {minute * 1000 - 2_500, minute * 1000}) {
            List<SampleView> burst = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                burst.add(atMillis("n3", fromMs + i * 10L));
            }
            feed(monitor, stage, burst);
        }

        assertThat(statistics.reports("pool_flood")).singleElement().satisfies(alert ->
                assertThat(alert.evidence().getJsonNumber("usual_per_minute").doubleValue()).isLessThan(20.0));
    }

    @Test
    void aFloodAcrossTheTurnOfAMinuteCountsWhole() {
        NetworkMonitor monitor = new NetworkMonitor();
        MemoryStatistics stage = new MemoryStatistics();
        long minute = (Samples.START_SECONDS / 60 + 10) * 60;
        // Five minutes as usual first, a sample every 5 s.
        for (long t = minute - 360; t < minute - 60; t += 5) {
            feed(monitor, stage, List.of(at("n2", t)));
        }
        List<SampleView> before = new ArrayList<>();
        List<SampleView> after = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            before.add(atMillis("n2", minute * 1000 - 3_000 + i * 10L));
            after.add(atMillis("n2", minute * 1000 + i * 10L));
        }
        feed(monitor, stage, before);
        assertThat(statistics.reports()).isEmpty();
        feed(monitor, stage, after);

        assertThat(statistics.reports("pool_flood")).singleElement().satisfies(alert ->
                assertThat(alert.evidence().getJsonNumber("samples_last_minute").longValue()).isBetween(290L, 300L));
    }

    /** The Network Monitor takes the samples, and the Analyst learns from its result. */
    private void feed(NetworkMonitor monitor, MemoryStatistics stage, List<SampleView> samples) {
        analyst.learn(NetworkMonitor.NAME, monitor.process(stored(samples), stage).json(), 0, statistics);
    }

    private static SampleView atMillis(String node, long millis) {
        return sample(node, BigDecimal.valueOf(millis, 3), millis, millis);
    }

    private static SampleView at(String node, long seconds) {
        return sample(node, BigDecimal.valueOf(seconds), seconds, seconds * 1000);
    }

    private static SampleView sample(String node, BigDecimal timestamp, long seq, long millis) {
        return new SampleView(node, "full", "testnet", timestamp, seq, millis, 10L, 0L, 0L,
                0.0, null, null, 3L, 20.0, 100.0, 1.0, 0.1, 0.3, 0.3, 100.0, null, false);
    }
}
