package io.vantaechonebula.node.running;

import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.finality.SignedVotes;
import io.vantaechonebula.chain.fork.Blockchain;
import io.vantaechonebula.chain.fork.ImportResult;
import io.vantaechonebula.chain.fork.TestChains;
import io.vantaechonebula.chain.store.InMemoryChainStore;
import io.vantaechonebula.chain.tx.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class StorageLimitTest {

    private static final int HEIGHT = (int) StorageLimit.KEPT_RECENT + 5;

    private final InMemoryChainStore store = new InMemoryChainStore();
    private final RunningChain chain = new RunningChain(TestChains.params(), store, any -> any::account, 100,
            InTransaction.NONE, Optional.empty(), SignedVotes.inMemory(), 10_000, Level.FINE);
    private final List<Block> blocks = new ArrayList<>();

    /** A chain of {@value #HEIGHT} blocks whose first ten carry a transfer each. */
    StorageLimitTest() {
        Blockchain builder = new Blockchain(TestChains.params(), new InMemoryChainStore());
        for (int height = 1; height <= HEIGHT; height++) {
            List<Transaction> transfers = height <= 10
                    ? List.of(TestChains.transfer(TestChains.ALICE, TestChains.BOB.publicKey().address(), 5, 20, height - 1))
                    : List.of();
            Block block = TestChains.mineOn(builder, TestChains.MINER_X,
                    TestChains.GENESIS_TIME + height * TestChains.BLOCK_TIME, transfers);
            assertThat(chain.importBlock(block)).isInstanceOf(ImportResult.Extended.class);
            blocks.add(block);
        }
    }

    @Test
    void overTheLimitTheOldestBlocksLoseTheirTransactionsAndTheRecentKeepThem() {
        long before = chain.storedBytes();

        int pruned = new StorageLimit(before - 1).enforce(List.of(chain));

        assertThat(pruned).as("every block %d below the head", StorageLimit.KEPT_RECENT).isEqualTo(4);
        assertThat(chain.storedBytes()).isLessThan(before);
        for (int height = 1; height <= 4; height++) {
            assertThat(store.isPruned(blocks.get(height - 1).hash())).isTrue();
            assertThat(chain.blockAt(height).orElseThrow().block().transactions()).isEmpty();
        }
        assertThat(store.isPruned(blocks.get(4).hash())).isFalse();
        assertThat(chain.blockAt(5).orElseThrow().block().transactions()).hasSize(1);
        assertThat(chain.servableBlock(blocks.get(0).hash())).as("a pruned block is not served to peers").isEmpty();
        assertThat(chain.servableBlock(blocks.get(4).hash())).contains(blocks.get(4));
    }

    @Test
    void withinTheLimitNothingGoes() {
        assertThat(new StorageLimit(chain.storedBytes()).enforce(List.of(chain))).isZero();
        assertThat(store.isPruned(blocks.get(0).hash())).isFalse();
    }

    @Test
    void aLimitNoPruningCanMeetStopsOnceNothingMoreMayGo() {
        StorageLimit tiny = new StorageLimit(1);

        assertThat(tiny.enforce(List.of(chain))).isEqualTo(4);
        assertThat(tiny.enforce(List.of(chain))).isZero();
        assertThat(chain.head().height()).isEqualTo(HEIGHT);
    }
}
