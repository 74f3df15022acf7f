package io.vantaechonebula.chain.pow;

import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.block.BlockTemplate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MiningLoopTest {

    @Test
    void aMinerHeldBackAsksForNoTemplateAndHashesNothing() {
        AtomicInteger asked = new AtomicInteger();
        AtomicInteger templates = new AtomicInteger();
        AtomicInteger hashes = new AtomicInteger();
        MiningTarget held = new MiningTarget() {
            @Override
            public long headVersion() {
                return 0;
            }

            @Override
            public long mempoolChanges() {
                return 0;
            }

            @Override
            public BlockTemplate template() {
                templates.incrementAndGet();
                throw new IllegalStateException("a held-back miner asked for a template");
            }

            @Override
            public int maxTransactionsPerBlock() {
                return 1;
            }

            @Override
            public void found(Block block) {
                throw new IllegalStateException("a held-back miner found a block");
            }

            @Override
            public void hashed(long count) {
                hashes.addAndGet((int) count);
            }

            @Override
            public Optional<String> holdBack() {
                asked.incrementAndGet();
                return Optional.of("syncing");
            }
        };

        new MiningLoop("test", held, 0, 1, () -> asked.get() < 2).run();

        assertThat(asked).hasValue(2);
        assertThat(templates).hasValue(0);
        assertThat(hashes).hasValue(0);
    }
}
