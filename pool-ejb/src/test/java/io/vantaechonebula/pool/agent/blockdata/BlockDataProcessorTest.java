package io.vantaechonebula.pool.agent.blockdata;

import static io.vantaechonebula.pool.stage.Samples.block;
import static io.vantaechonebula.pool.stage.Samples.stored;
import static io.vantaechonebula.pool.stage.Samples.withBlocks;
import static io.vantaechonebula.pool.stage.Samples.withExtensions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vantaechonebula.pool.stage.MemoryStatistics;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockDataProcessorTest {

    private static final long T = 1_763_800_000_000L;

    @Test
    void aBlockTwoNodesReportIsTakenOnceFromWhicheverReportedItFirst() {
        MemoryStatistics statistics = new MemoryStatistics();
        BlockDataProcessor processor = new BlockDataProcessor();

        JsonObject first = processor.process(stored(List.of(
                withBlocks("a", "testnet", 1, 500, block(1, "m1", T, 2, 4, 10_000L), block(2, "m2", T + 9_000, 3, 6, 9_000L)),
                withBlocks("b", "testnet", 1, 700, block(2, "m2", T + 9_000, 3, 6, 9_000L)))), statistics).json();
        JsonObject second = processor.process(stored(List.of(
                withBlocks("b", "testnet", 2, 700, block(2, "m2", T + 9_000, 3, 6, 9_000L), block(3, "m1", T + 20_000, 1, 2, 11_000L)))),
                statistics).json();

        JsonObject chain = first.getJsonObject("chains").getJsonObject("testnet");
        assertThat(chain.getJsonArray("new_blocks")).hasSize(2);
        assertThat(chain.getJsonArray("new_blocks").getJsonObject(1).getString("reported_by")).isEqualTo("a");
        assertThat(chain.getJsonObject("hash_rates").getJsonNumber("b").doubleValue()).isEqualTo(700.0);
        JsonObject later = second.getJsonObject("chains").getJsonObject("testnet");
        assertThat(later.getJsonArray("new_blocks")).as("block 2 was taken already").singleElement()
                .satisfies(block -> assertThat(block.asJsonObject().getInt("height")).isEqualTo(3));
        assertThat(later.getInt("blocks_taken")).isEqualTo(3);
        assertThat(statistics.series("chain:testnet", "block_interval_ms").count()).isEqualTo(3);
        assertThat(statistics.series("chain:testnet", "block_interval_ms").mean()).isEqualTo(10_000.0, within(1e-9));
        // m1, m2, m1: the first block is all m1's, then each block moves 15% of the share to its miner.
        JsonObject top = later.getJsonArray("miner_shares").getJsonObject(0);
        assertThat(top.getString("miner")).isEqualTo("m1");
        assertThat(top.getJsonNumber("share").doubleValue()).isEqualTo(0.85 * 0.85 + 0.15, within(1e-12));
    }

    @Test
    void f6_sideBlocksANodeRefusedBecomeADeepForkAlertOfThatNodeAndChain() {
        MemoryStatistics statistics = new MemoryStatistics();
        String refused = "{\"refused_forks\":{\"blocks\":4,\"last_height\":880,\"last_reason\":\"F6: too deep\"}}";

        new BlockDataProcessor().process(stored(List.of(withBlocks("a", "testnet", 1, 500),
                withExtensions(withBlocks("b", "testnet", 1, 500), refused))), statistics);

        assertThat(statistics.reports()).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo("deep_fork");
            assertThat(alert.nodeId()).isEqualTo("b");
            assertThat(alert.chainId()).isEqualTo("testnet");
            assertThat(alert.summary()).contains("refused 4 side blocks of testnet, the last at height 880");
            assertThat(alert.evidence().getString("last_reason")).isEqualTo("F6: too deep");
        });
    }

    @Test
    void minerSharesSurviveBeingStoredAndRead() {
        MinerShares shares = MinerShares.empty();
        for (int i = 0; i < 30; i++) {
            shares.add(i % 3 == 0 ? "a" : "b");
        }
        MinerShares read = MinerShares.fromState(shares.state());

        assertThat(read.blocks()).isEqualTo(30);
        assertThat(read.top(2)).isEqualTo(shares.top(2));
        assertThat(read.top(2).get(0).miner()).isEqualTo("b");
        assertThat(read.top(2).stream().mapToDouble(MinerShares.Share::share).sum()).isEqualTo(1.0, within(1e-9));
    }
}
