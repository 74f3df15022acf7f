package io.vantaechonebula.node.running;

import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.finality.SignedVotes;
import io.vantaechonebula.chain.fork.Blockchain;
import io.vantaechonebula.chain.fork.ImportResult;
import io.vantaechonebula.chain.fork.TestChains;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.chain.pow.MiningTarget;
import io.vantaechonebula.chain.store.InMemoryChainStore;
import io.vantaechonebula.chain.tx.RejectionReason;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.p2p.LocalChains.TransactionOffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class RunningChainTest {

    private final List<Block> taken = new ArrayList<>();
    private final List<Transaction> offered = new ArrayList<>();
    private final RunningChain chain = new RunningChain(TestChains.params(), new InMemoryChainStore(),
            store -> store::account, 100, InTransaction.NONE, Optional.empty(), SignedVotes.inMemory(), 10_000, Level.FINE);

    {
        chain.listen(new ChainEvents() {
            @Override
            public void transactionOffered(ChainParams params, Transaction transaction) {
                offered.add(transaction);
            }

            @Override
            public void blockTaken(ChainParams params, Block block) {
                taken.add(block);
            }

            @Override
            public void transactionTaken(ChainParams params, Transaction transaction) {
            }
        });
    }

    @Test
    void aMinedBlockIsImportedCountedToldAndMovesTheHeadVersion() {
        Transaction transfer = TestChains.transfer(TestChains.ALICE, TestChains.BOB.publicKey().address(), 500, 20, 0);
        assertThat(chain.offer(transfer)).isEqualTo(TransactionOffer.NEW);
        MiningTarget target = chain.miningTarget(TestChains.MINER_X);
        long versionBefore = target.headVersion();

        Block block = TestChains.mine(target.template());
        target.found(block);

        assertThat(chain.head().height()).isEqualTo(1);
        assertThat(target.headVersion()).isGreaterThan(versionBefore);
        assertThat(chain.blocksImported()).isEqualTo(1);
        assertThat(chain.transactionsImported()).isEqualTo(1);
        assertThat(taken).containsExactly(block);
        assertThat(chain.transactionStatus(transfer.id())).hasValueSatisfying(status ->
                assertThat(status.state()).isEqualTo(TransactionStatus.State.INCLUDED));
        assertThat(chain.mempool().size()).isZero();
    }

    @Test
    void aTransactionOfferedTwiceIsKnownTheSecondTime() {
        Transaction transfer = TestChains.transfer(TestChains.ALICE, TestChains.BOB.publicKey().address(), 500, 20, 0);
        assertThat(chain.offer(transfer)).isEqualTo(TransactionOffer.NEW);
        assertThat(chain.offer(transfer)).isEqualTo(TransactionOffer.KNOWN);
        assertThat(offered).hasSize(2);
    }

    @Test
    void aTransactionTheRulesRefuseIsRememberedAsRefusedWithItsReason() {
        Transaction tooMuch = TestChains.transfer(TestChains.ALICE, TestChains.BOB.publicKey().address(),
                TestChains.ALICE_FUNDS, 20, 0);

        TransactionOffer offer = chain.offer(tooMuch);

        assertThat(offer.verdict()).isEqualTo(TransactionOffer.Verdict.NOT_NOW);
        assertThat(chain.transactionStatus(tooMuch.id())).hasValueSatisfying(status -> {
            assertThat(status.state()).isEqualTo(TransactionStatus.State.REJECTED);
            assertThat(status.reason()).hasValueSatisfying(reason -> assertThat(reason).startsWith("insufficient_balance"));
        });
    }

    @Test
    void itCountsWhatTheMempoolTookAndRefusedByReasonAndEachReorganisationWithItsDepth() {
        Address bob = TestChains.BOB.publicKey().address();
        chain.offer(TestChains.transfer(TestChains.ALICE, bob, 500, 20, 0));
        chain.offer(TestChains.transfer(TestChains.ALICE, bob, 500, 20, 0));
        chain.offer(TestChains.transfer(TestChains.ALICE, bob, TestChains.ALICE_FUNDS, 20, 1));
        MiningTarget target = chain.miningTarget(TestChains.MINER_X);
        target.found(TestChains.mine(target.template()));
        Blockchain rival = new Blockchain(TestChains.params(), new InMemoryChainStore());
        List<Block> longer = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            longer.add(TestChains.mineOn(rival, TestChains.MINER_Y, System.currentTimeMillis(), List.of()));
        }

        longer.forEach(chain::importBlock);

        ChainCounters.Counts counts = chain.counts();
        assertThat(counts.mempoolAccepted()).as("the second offer was known already").isEqualTo(1);
        assertThat(counts.mempoolRefused()).containsEntry(RejectionReason.INSUFFICIENT_BALANCE, 1L)
                .containsEntry(RejectionReason.BAD_SIGNATURE, 0L).hasSize(RejectionReason.values().length);
        assertThat(counts.reorganisations()).isEqualTo(1);
        assertThat(counts.reorganisedBlocks()).isEqualTo(1);
        assertThat(counts.lastReorganisationDepth()).isEqualTo(1);
    }

    @Test
    void itsHeadNamesTheChainItsGenesisAndHeight() {
        assertThat(chain.chainHead().chainId()).isEqualTo(TestChains.params().chainId());
        assertThat(chain.chainHead().height()).isZero();
        assertThat(new RunningChains(List.of(chain)).heads()).containsExactly(chain.chainHead());
    }

    @Test
    void b4_aListenerThatFailsSkipsNoneOfTheChainsOwnBookkeeping() {
        RunningChain failing = new RunningChain(TestChains.params(), new InMemoryChainStore(), store -> store::account, 100,
                InTransaction.NONE, Optional.empty(), SignedVotes.inMemory(), 10_000, Level.FINE);
        failing.listen(new ChainEvents() {
            @Override
            public void blockTaken(ChainParams params, Block block) {
                throw new IllegalStateException("gossip could not encode the block");
            }

            @Override
            public void transactionTaken(ChainParams params, Transaction transaction) {
                throw new IllegalStateException("gossip is down");
            }
        });
        Transaction transfer = TestChains.transfer(TestChains.ALICE, TestChains.BOB.publicKey().address(), 500, 20, 0);
        assertThat(failing.offer(transfer)).as("taken, whatever the listener does").isEqualTo(TransactionOffer.NEW);
        MiningTarget target = failing.miningTarget(TestChains.MINER_X);
        long versionBefore = target.headVersion();

        Block block = TestChains.mine(target.template());
        target.found(block);

        assertThat(failing.head().hash()).isEqualTo(block.hash());
        assertThat(target.headVersion()).as("the head version moved").isGreaterThan(versionBefore);
        assertThat(failing.waitingTransactions()).as("the mempool let the included transfer go").isZero();
        assertThat(failing.account(TestChains.BOB.publicKey().address()).balance()).as("the head's accounts are new")
                .isEqualTo(500);
    }

    @Test
    void f6_aSideBlockDeeperThanTheConfiguredDepthIsRefusedAndReportedOnceForTelemetry() {
        RunningChain shallow = new RunningChain(TestChains.params(), new InMemoryChainStore(), store -> store::account, 100, 2,
                InTransaction.NONE, Optional.empty(), SignedVotes.inMemory(), 10_000, Level.FINE);
        for (int i = 0; i < 4; i++) {
            MiningTarget target = shallow.miningTarget(TestChains.MINER_X);
            target.found(TestChains.mine(target.template()));
        }
        Blockchain rival = new Blockchain(TestChains.params(), new InMemoryChainStore());
        rival.importBlock(shallow.blockAt(1).orElseThrow().block(), System.currentTimeMillis());
        Block deep = TestChains.mineOn(rival, TestChains.MINER_Y, System.currentTimeMillis(), List.of());

        assertThat(shallow.importBlock(deep)).as("height 2, below 4 - 2").isInstanceOf(ImportResult.Refused.class);
        assertThat(shallow.refusedSideBlocksSinceLastReading()).hasValueSatisfying(refused -> {
            assertThat(refused.blocks()).isEqualTo(1);
            assertThat(refused.lastHeight()).isEqualTo(2);
            assertThat(refused.lastReason()).startsWith("F6").contains("2 below the head 4");
        });
        assertThat(shallow.refusedSideBlocksSinceLastReading()).as("reported once").isEmpty();
    }

    @Test
    void p11_onlyTransactionsThatPassTheCheapChecksReachTheAnalyzer() {
        Address bob = TestChains.BOB.publicKey().address();
        Transaction honest = TestChains.transfer(TestChains.ALICE, bob, 500, 20, 0);
        Transaction doubleSpend = TestChains.transfer(TestChains.ALICE, TestChains.ALICE.publicKey().address(), 500, 20, 0);
        Transaction otherChain = Transaction.transfer(TestChains.ALICE, "vanta-elsewhere-1", bob, 500, 20, 0);
        Transaction belowTheMinimumFee = TestChains.transfer(TestChains.ALICE, bob, 500, TestChains.MIN_FEE - 1, 1);
        Transaction unfunded = TestChains.transfer(TestChains.BOB, TestChains.ALICE.publicKey().address(), 500, 20, 0);
        Transaction moreThanItHas = TestChains.transfer(TestChains.ALICE, bob, TestChains.ALICE_FUNDS, 20, 1);
        Transaction farAhead = TestChains.transfer(TestChains.ALICE, bob, 500, 20, TestChains.params().maxNonceAhead() + 1);
        Transaction withinTheWindow = TestChains.transfer(TestChains.ALICE, bob, 500, 20, TestChains.params().maxNonceAhead());

        for (Transaction tx : List.of(otherChain, belowTheMinimumFee, unfunded, moreThanItHas, farAhead, honest, doubleSpend,
                withinTheWindow)) {
            chain.offer(tx);
        }

        assertThat(offered).as("a funded sender's transactions within its nonce window, refused by the mempool or not")
                .containsExactly(honest, doubleSpend, withinTheWindow);
    }

    @Test
    void s6_theMinersAskWhetherToWaitInsideAStoreTransactionForTheServersStoreHasNoneOtherwise() {
        ThreadLocal<Boolean> inside = ThreadLocal.withInitial(() -> false);
        InTransaction transactions = new InTransaction() {
            @Override
            public <T> T run(Supplier<T> work) {
                inside.set(true);
                try {
                    return work.get();
                } finally {
                    inside.set(false);
                }
            }
        };
        RunningChain held = new RunningChain(TestChains.params(), new InMemoryChainStore(), store -> store::account, 100,
                transactions, Optional.empty(), SignedVotes.inMemory(), 10_000, Level.FINE);
        List<Boolean> askedInside = new ArrayList<>();
        held.holdMiningWhile(() -> {
            askedInside.add(inside.get());
            return Optional.of("40 blocks behind its peers");
        });

        assertThat(held.miningTarget(TestChains.BOB.publicKey().address()).holdBack()).contains("40 blocks behind its peers");
        assertThat(askedInside).containsExactly(true);
    }
}
