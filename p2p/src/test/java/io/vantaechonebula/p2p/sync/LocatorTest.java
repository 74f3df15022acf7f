package io.vantaechonebula.p2p.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocatorTest {

    @Test
    void namesTheLastTenBlocksOneByOneThenDoublesItsStepDownToGenesis() {
        assertThat(Locator.heights(0)).containsExactly(0L);
        assertThat(Locator.heights(3)).containsExactly(3L, 2L, 1L, 0L);
        assertThat(Locator.heights(30)).containsExactly(30L, 29L, 28L, 27L, 26L, 25L, 24L, 23L, 22L, 21L, 19L, 15L, 7L, 0L);
    }

    @Test
    void staysShortForLongChains() {
        assertThat(Locator.heights(1_000_000_000L)).hasSizeLessThan(45).endsWith(0L);
        assertThat(Locator.heights(Long.MAX_VALUE / 2)).hasSizeLessThanOrEqualTo(Locator.MAX_HASHES);
    }
}
