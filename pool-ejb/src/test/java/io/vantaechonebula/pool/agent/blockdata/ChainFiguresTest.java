package io.vantaechonebula.pool.agent.blockdata;

import static io.vantaechonebula.pool.stage.Samples.sample;
import static io.vantaechonebula.pool.stage.Samples.stored;
import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.pool.stage.MemoryStatistics;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainFiguresTest {

    @Test
    void blockchainKeepsTheTipAndHowFarEachNodeLags() {
        MemoryStatistics statistics = new MemoryStatistics();
        JsonObject result = new BlockDataProcessor().process(stored(List.of(
                sample("a", "testnet", 0, 100, 10, 0.2),
                sample("b", "testnet", 0, 90, 12, 0.2),
                sample("a", "mainnet", 0, 7, 0, 0.2))), statistics).json();

        assertThat(statistics.series("chain:testnet", "height").max()).isEqualTo(100);
        assertThat(statistics.series("node:b/testnet", "height_lag").last()).isEqualTo(10);
        assertThat(statistics.series("node:a/testnet", "height_lag").last()).isZero();
        assertThat(result.getJsonObject("chains").getJsonObject("testnet").getInt("transactions")).isEqualTo(22);
        assertThat(result.getJsonObject("chains").getJsonObject("mainnet").getInt("tip")).isEqualTo(7);
    }
}
