package io.vantaechonebula.chain.genesis;

import io.vantaechonebula.chain.crypto.KeyFile;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.chain.params.ChainParamsFile;
import io.vantaechonebula.chain.params.StakeParams;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chain files shipped in config/chains, and what a bad file is told (docs/chain-spec.md §5). */
class ChainParamsFileTest {

    private static final Path CHAINS = Path.of("..", "config", "chains");

    @Test
    void testnetAndMainnetHaveTheirOwnIdsBlockTimesAndGenesis() throws Exception {
        ChainParams testnet = ChainParamsFile.read(CHAINS.resolve("testnet.properties"));
        ChainParams mainnet = ChainParamsFile.read(CHAINS.resolve("mainnet.properties"));

        assertThat(testnet.targetBlockTimeMs()).isEqualTo(5_000);
        assertThat(mainnet.targetBlockTimeMs()).isEqualTo(30_000);
        assertThat(testnet.chainId()).isNotEqualTo(mainnet.chainId());
        assertThat(Genesis.block(testnet).hash()).isNotEqualTo(Genesis.block(mainnet).hash());
        assertThat(testnet.allocations()).isNotEmpty();
        assertThat(mainnet.allocations()).isNotEmpty();
    }

    @Test
    void theShippedChainsStakeAsTheSpecificationSays() throws Exception {
        assertThat(ChainParamsFile.read(CHAINS.resolve("testnet.properties")).staking())
                .isEqualTo(new StakeParams(100_000_000_000L, 120, 10, 6));
        assertThat(ChainParamsFile.read(CHAINS.resolve("mainnet.properties")).staking())
                .isEqualTo(new StakeParams(1_000_000_000_000L, 120, 10, 20));
    }

    @Test
    void theDevelopmentKeyIsFundedOnTestnetAndNowhereOnMainnet() throws Exception {
        var dev = KeyFile.read(CHAINS.resolve("testnet-dev.key")).publicKey().address();
        assertThat(ChainParamsFile.read(CHAINS.resolve("testnet.properties")).allocations()).containsKey(dev);
        assertThat(ChainParamsFile.read(CHAINS.resolve("mainnet.properties")).allocations()).doesNotContainKey(dev);
    }

    @Test
    void namesTheKeyThatIsMissingOrWrong() throws Exception {
        Properties properties = new Properties();
        properties.load(new StringReader(String.join("\n", "name=x", "chain-id=x-1", "target-block-time-ms=five")));
        assertThatThrownBy(() -> ChainParamsFile.parse(properties, "x.properties"))
                .hasMessage("Chain parameters x.properties: 'target-block-time-ms' must be a whole number, got 'five'");
        properties.setProperty("target-block-time-ms", "5000");
        assertThatThrownBy(() -> ChainParamsFile.parse(properties, "x.properties"))
                .hasMessage("Chain parameters x.properties: 'genesis-work' is missing");
        properties.setProperty("alloc.nothex", "5");
        properties.setProperty("genesis-work", "5");
        properties.setProperty("min-work", "1");
        assertThatThrownBy(() -> ChainParamsFile.parse(properties, "x.properties"))
                .hasMessageContaining("'alloc.nothex' does not name an address");
    }
}
