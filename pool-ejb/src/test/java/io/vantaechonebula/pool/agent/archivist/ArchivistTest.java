package io.vantaechonebula.pool.agent.archivist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vantaechonebula.pool.agent.blockdata.BlockDataProcessor;
import io.vantaechonebula.pool.stage.ChainStream;
import io.vantaechonebula.pool.stage.FindingReport;
import io.vantaechonebula.pool.stage.JsonState;
import io.vantaechonebula.pool.stage.MemoryStatistics;
import io.vantaechonebula.pool.stage.ModelState;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArchivistTest {

    private final Archivist archivist = new Archivist();
    private final MemoryStatistics statistics = new MemoryStatistics();
    private final Random random = new Random(7);

    /** Blocks about every 10 s (exponential, as proof of work gives), 2 to 8 transactions paying 3 each plus 1. */
    private void normalBlocks(ChainStream chain, int count) {
        for (int i = 0; i < count; i++) {
            long interval = Math.max(200, (long) (-Math.log(1 - random.nextDouble()) * 10_000));
            int transactions = 2 + random.nextInt(7);
            learn(chain, "m" + random.nextInt(4), interval, transactions, 3L * transactions + 1);
        }
    }

    private void learn(ChainStream chain, String miner, long intervalMs, int transactions, long fees) {
        archivist.learn(BlockDataProcessor.NAME, chain.next(miner, intervalMs, transactions, fees, 1000), chain.timeMs(), statistics);
    }

    @Test
    void ordinaryBlocksTeachTheChainsHistoryWithoutAlerts() {
        ChainStream testnet = new ChainStream("testnet");
        ChainStream mainnet = new ChainStream("mainnet");
        normalBlocks(testnet, 300);
        for (int i = 0; i < 100; i++) {
            learn(mainnet, "big-pool", 60_000, 40, 400);
        }

        assertThat(statistics.reports()).isEmpty();
        ModelState testnetModel = statistics.storedModel("chain:testnet", Archivist.MODEL_NAME).orElseThrow();
        assertThat(testnetModel.model()).isEqualTo(Archivist.MODEL);
        assertThat(testnetModel.version()).isEqualTo(Archivist.VERSION);
        assertThat(testnetModel.trained()).isEqualTo(300);
        var testnetState = JsonState.read(statistics, "chain:testnet", Archivist.MODEL_NAME, Archivist.MODEL, Archivist.VERSION);
        var mainnetState = JsonState.read(statistics, "chain:mainnet", Archivist.MODEL_NAME, Archivist.MODEL,
                Archivist.VERSION);
        assertThat(testnetState.getJsonObject("interval_s").getJsonNumber("mean").doubleValue()).isBetween(6.0, 14.0);
        assertThat(mainnetState.getJsonObject("interval_s").getJsonNumber("mean").doubleValue()).isEqualTo(60.0, within(1e-9));
        assertThat(statistics.pair("chain:testnet", Archivist.FEES_BY_TRANSACTIONS).slope()).hasValueCloseTo(3.0, within(1e-6));
        assertThat(mainnetState.getJsonObject("transactions").getJsonNumber("mean").doubleValue()).isEqualTo(40.0, within(1e-9));
    }

    @Test
    void blocksComingMuchSlowerThanUsualAreSlowBlocksAndStayAnAlert() {
        ChainStream chain = new ChainStream("testnet");
        normalBlocks(chain, 100);
        int slowBlocks = 0;
        while (statistics.reports("slow_blocks").isEmpty() && slowBlocks < 20) {
            learn(chain, "m1", 80_000, 4, 13);
            slowBlocks++;
        }
        assertThat(slowBlocks).as("slow blocks until the alert").isLessThanOrEqualTo(5);
        for (int i = 0; i < 20; i++) {
            learn(chain, "m1", 80_000, 4, 13);
        }

        FindingReport last = statistics.reports("slow_blocks").get(statistics.reports("slow_blocks").size() - 1);
        assertThat(last.chainId()).isEqualTo("testnet");
        assertThat(last.nodeId()).isNull();
        assertThat(last.evidence().getJsonNumber("recent_interval_s").doubleValue()).isGreaterThan(70.0);
        assertThat(last.evidence().getJsonNumber("usual_interval_s").doubleValue()).as("the stall is not learnt as usual")
                .isLessThan(15.0);
    }

    @Test
    void aBlockFullOfTransactionsIsASurgeAndOverpaidFeesAreUnusual() {
        ChainStream chain = new ChainStream("testnet");
        normalBlocks(chain, 100);

        learn(chain, "m1", 10_000, 400, 1201);
        learn(chain, "m2", 10_000, 5, 900);

        assertThat(statistics.reports("transaction_surge")).singleElement().satisfies(alert ->
                assertThat(alert.evidence().getJsonNumber("transactions").doubleValue()).isEqualTo(400.0));
        assertThat(statistics.reports("unusual_fees")).singleElement().satisfies(alert -> {
            assertThat(alert.evidence().getJsonNumber("fees").doubleValue()).isEqualTo(900.0);
            assertThat(alert.evidence().getJsonNumber("expected_fees").doubleValue()).isEqualTo(16.0, within(0.5));
        });
    }
}
