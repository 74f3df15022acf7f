package io.vantaechonebula.agent.light;

import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.fork.Blockchain;
import io.vantaechonebula.chain.fork.ImportResult;
import io.vantaechonebula.chain.fork.TestChains;
import io.vantaechonebula.chain.store.FinalBlock;
import io.vantaechonebula.chain.tx.Transaction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MvChainStoreTest {

    @TempDir
    Path dir;

    private MVStore open() {
        return new MVStore.Builder().fileName(dir.resolve("chains.mv.db").toString()).autoCommitDisabled().open();
    }

    @Test
    void blocksStateAndIndexOutliveTheProcessAndAReorganisationIsUndone() {
        long time = TestChains.GENESIS_TIME;
        Transaction transfer = TestChains.transfer(TestChains.ALICE, TestChains.BOB.publicKey().address(), 700, 20, 0);
        List<Block> mainBranch = new ArrayList<>();
        Hash forkPoint;
        try (MVStore file = open()) {
            Blockchain chain = new Blockchain(TestChains.params(), new MvChainStore(file, "testnet"));
            forkPoint = TestChains.mineOn(chain, TestChains.MINER_X, time += TestChains.BLOCK_TIME, List.of()).hash();
            mainBranch.add(TestChains.mineOn(chain, TestChains.MINER_X, time += TestChains.BLOCK_TIME, List.of(transfer)));
        }

        try (MVStore file = open()) {
            Blockchain chain = new Blockchain(TestChains.params(), new MvChainStore(file, "testnet"));
            assertThat(chain.head().hash()).isEqualTo(mainBranch.get(0).hash());
            assertThat(chain.account(TestChains.BOB.publicKey().address()).balance()).isEqualTo(700);
            assertThat(chain.blockOfTransaction(transfer.id())).contains(mainBranch.get(0).hash());

            // A heavier branch from the fork point, without the transfer: the state and index go back.
            Blockchain other = new Blockchain(TestChains.params(), new io.vantaechonebula.chain.store.InMemoryChainStore());
            other.importBlock(chain.block(forkPoint).orElseThrow().block(), time);
            long otherTime = time;
            ImportResult last = null;
            for (int i = 0; i < 2; i++) {
                Block block = TestChains.mineOn(other, TestChains.MINER_Y, otherTime += TestChains.BLOCK_TIME, List.of());
                last = chain.importBlock(block, otherTime);
            }
            assertThat(last).isInstanceOf(ImportResult.Reorganized.class);
        }

        try (MVStore file = open()) {
            Blockchain chain = new Blockchain(TestChains.params(), new MvChainStore(file, "testnet"));
            assertThat(chain.head().height()).isEqualTo(3);
            assertThat(chain.account(TestChains.BOB.publicKey().address()).balance()).isZero();
            assertThat(chain.blockOfTransaction(transfer.id())).isEmpty();
            assertThat(chain.block(mainBranch.get(0).hash())).as("the old branch stays stored").isPresent();
        }
    }

    @Test
    void aValidatorsStakeAndTheFinalBlockOutliveTheProcess() {
        io.vantaechonebula.chain.crypto.Address alice = TestChains.ALICE.publicKey().address();
        try (MVStore file = open()) {
            Blockchain chain = new Blockchain(TestChains.params(), new MvChainStore(file, "testnet"));
            TestChains.mineOn(chain, TestChains.MINER_X, TestChains.GENESIS_TIME + TestChains.BLOCK_TIME,
                    List.of(Transaction.sign(TestChains.ALICE, TestChains.params().chainId(),
                            io.vantaechonebula.chain.tx.TransactionType.VALIDATOR_REGISTER, alice, 20_000, 20, 0, new byte[0])));
        }
        try (MVStore file = open()) {
            MvChainStore store = new MvChainStore(file, "testnet");
            Blockchain chain = new Blockchain(TestChains.params(), store);
            assertThat(chain.account(alice).stake()).isEqualTo(20_000);
            assertThat(chain.account(alice).stakeSince()).as("V9: registered in block 1").isEqualTo(1);
            assertThat(chain.account(alice).balance()).isEqualTo(TestChains.ALICE_FUNDS - 20_020);
            assertThat(store.stakedAccounts()).containsOnlyKeys(alice);
            store.markFinal(new FinalBlock(chain.head().hash(), 1, new byte[] {7}));
        }
        try (MVStore file = open()) {
            FinalBlock finalBlock = new MvChainStore(file, "testnet").finalBlock().orElseThrow();
            assertThat(finalBlock.height()).isEqualTo(1);
            assertThat(finalBlock.certificate()).containsExactly(7);
        }
    }

    @Test
    void pruningDropsTheTransactionsOfOldBlocksKeepsTheirHeadersAndOutlivesTheProcess() {
        io.vantaechonebula.chain.crypto.Address bob = TestChains.BOB.publicKey().address();
        long time = TestChains.GENESIS_TIME;
        io.vantaechonebula.chain.crypto.Hash fifth;
        long before;
        try (MVStore file = open()) {
            MvChainStore store = new MvChainStore(file, "testnet");
            Blockchain chain = new Blockchain(TestChains.params(), store);
            for (int i = 0; i < 20; i++) {
                TestChains.mineOn(chain, TestChains.MINER_X, time += TestChains.BLOCK_TIME,
                        List.of(TestChains.transfer(TestChains.ALICE, bob, 10, 20, i)));
            }
            fifth = chain.blockAt(5).orElseThrow().hash();
            before = store.bodyBytes();

            assertThat(store.pruneBodies(15, 100)).isEqualTo(14);

            assertThat(store.isPruned(fifth)).isTrue();
            assertThat(store.isPruned(chain.blockAt(15).orElseThrow().hash())).isFalse();
            assertThat(store.bodyBytes()).isLessThan(before);
            assertThat(chain.account(bob).balance()).as("the state stays").isEqualTo(200);
        }
        try (MVStore file = open()) {
            MvChainStore store = new MvChainStore(file, "testnet");
            Blockchain chain = new Blockchain(TestChains.params(), store);
            assertThat(chain.block(fifth).orElseThrow().height()).as("the header stays").isEqualTo(5);
            assertThat(store.isPruned(fifth)).isTrue();
            assertThat(store.pruneBodies(15, 100)).as("nothing left below 15").isZero();
            assertThat(chain.blockAt(16).orElseThrow().block().transactions()).hasSize(1);
            TestChains.mineOn(chain, TestChains.MINER_X, time + TestChains.BLOCK_TIME,
                    List.of(TestChains.transfer(TestChains.ALICE, bob, 10, 20, 20)));
            assertThat(chain.head().height()).as("the chain goes on").isEqualTo(21);
        }
    }

    @Test
    void twoChainsShareOneFileWithoutMixing() {
        try (MVStore file = open()) {
            Blockchain testnet = new Blockchain(TestChains.params("one"), new MvChainStore(file, "testnet"));
            Blockchain mainnet = new Blockchain(TestChains.params("two"), new MvChainStore(file, "mainnet"));
            TestChains.mineOn(testnet, TestChains.MINER_X, TestChains.GENESIS_TIME + TestChains.BLOCK_TIME, List.of());

            assertThat(testnet.head().height()).isEqualTo(1);
            assertThat(mainnet.head().height()).isZero();
        }
    }
}
