package io.vantaechonebula.chain.fork;

import static io.vantaechonebula.chain.fork.TestChains.ALICE;
import static io.vantaechonebula.chain.fork.TestChains.ALICE_FUNDS;
import static io.vantaechonebula.chain.fork.TestChains.BLOCK_TIME;
import static io.vantaechonebula.chain.fork.TestChains.BOB;
import static io.vantaechonebula.chain.fork.TestChains.GENESIS_TIME;
import static io.vantaechonebula.chain.fork.TestChains.MINER_X;
import static io.vantaechonebula.chain.fork.TestChains.MINER_Y;
import static io.vantaechonebula.chain.fork.TestChains.REWARD;
import static io.vantaechonebula.chain.fork.TestChains.mine;
import static io.vantaechonebula.chain.fork.TestChains.mineOn;
import static io.vantaechonebula.chain.fork.TestChains.params;
import static io.vantaechonebula.chain.fork.TestChains.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vantaechonebula.chain.account.Account;
import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.block.BlockHeader;
import io.vantaechonebula.chain.block.BlockTemplate;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.chain.pow.ProofOfWork;
import io.vantaechonebula.chain.store.BlockStatus;
import io.vantaechonebula.chain.store.InMemoryChainStore;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.chain.tx.TransactionType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** docs/chain-spec.md §3 and §6, on two simulated nodes X and Y. */
class BlockchainTest {

    private static final Address BOB_ADDRESS = BOB.publicKey().address();

    private final InMemoryChainStore storeX = new InMemoryChainStore();
    private final Blockchain x = new Blockchain(params(), storeX);
    private final Blockchain y = new Blockchain(params(), new InMemoryChainStore());
    private long clock = GENESIS_TIME;

    private long tick() {
        clock += BLOCK_TIME;
        return clock;
    }

    @Test
    void startsAtGenesisWithTheAllocations() {
        assertThat(x.head().height()).isZero();
        assertThat(x.account(ALICE.publicKey().address())).isEqualTo(new Account(ALICE_FUNDS, 0));
        assertThat(x.head().hash()).isEqualTo(y.head().hash());
    }

    @Test
    void s1_aMinedBlockMovesBalancesNoncesFeesAndReward() {
        Transaction pay = transfer(ALICE, BOB_ADDRESS, 250, 15, 0);

        Block block = mineOn(x, MINER_X, tick(), List.of(pay));

        assertThat(x.head().hash()).isEqualTo(block.hash());
        assertThat(x.account(ALICE.publicKey().address())).isEqualTo(new Account(ALICE_FUNDS - 265, 1));
        assertThat(x.account(BOB_ADDRESS)).isEqualTo(new Account(250, 0));
        assertThat(x.account(MINER_X)).isEqualTo(new Account(REWARD + 15, 0));
        assertThat(x.blockOfTransaction(pay.id())).contains(block.hash());
    }

    @Test
    void templateLeavesOutTransactionsThatDoNotApplyAndSaysWhy() {
        Transaction good = transfer(ALICE, BOB_ADDRESS, 10, 10, 0);
        Transaction gap = transfer(ALICE, BOB_ADDRESS, 10, 10, 5);
        BlockTemplate template = x.template(List.of(good, gap), MINER_X, tick());
        assertThat(template.transactions()).containsExactly(good);
        assertThat(template.skipped().get(gap)).startsWith("nonce_too_high");
    }

    @Test
    void aRetimedTemplateStillMinesAValidBlockWithTheLaterTime() {
        Transaction pay = transfer(ALICE, BOB_ADDRESS, 10, 10, 0);
        BlockTemplate template = x.template(List.of(pay), MINER_X, tick());
        long later = template.header().timestampMs() + 3_000;
        clock = later;

        Block block = mine(template.retimed(later));

        assertThat(block.header().timestampMs()).isEqualTo(later);
        assertThat(x.importBlock(block, clock)).isInstanceOf(ImportResult.Extended.class);
        assertThat(template.retimed(later - 10_000)).isSameAs(template);
    }

    @Test
    void blocksFromAnotherNodeAreAcceptedInOrder() {
        Block one = mineOn(y, MINER_Y, tick(), List.of(transfer(ALICE, BOB_ADDRESS, 5, 10, 0)));
        Block two = mineOn(y, MINER_Y, tick(), List.of());

        assertThat(x.importBlock(one, clock)).isInstanceOf(ImportResult.Extended.class);
        assertThat(x.importBlock(two, clock)).isInstanceOf(ImportResult.Extended.class);
        assertThat(x.importBlock(two, clock)).isInstanceOf(ImportResult.AlreadyKnown.class);
        assertThat(x.account(BOB_ADDRESS)).isEqualTo(y.account(BOB_ADDRESS));
    }

    @Test
    void aBlockWhoseParentIsUnknownIsAnOrphan() {
        Block one = mineOn(y, MINER_Y, tick(), List.of());
        Block two = mineOn(y, MINER_Y, tick(), List.of());
        assertThat(x.importBlock(two, clock)).isEqualTo(new ImportResult.Orphan(two.hash(), one.hash()));
        assertThat(x.head().height()).isZero();
    }

    @Test
    void f1_aBranchWithNoMoreWorkIsStoredButNotConnected() {
        mineOn(x, MINER_X, tick(), List.of());
        Block rival = mineOn(y, MINER_Y, clock, List.of());

        assertThat(x.importBlock(rival, clock)).isInstanceOf(ImportResult.SideChain.class);
        assertThat(x.head().height()).isEqualTo(1);
        assertThat(x.head().hash()).isNotEqualTo(rival.hash());
        assertThat(x.block(rival.hash()).orElseThrow().status()).isEqualTo(BlockStatus.UNVALIDATED);
        assertThat(x.account(MINER_Y)).isEqualTo(Account.EMPTY);
    }

    @Test
    void f2_reorganisesOntoADeeperForkAndMovesTheStateWithIt() {
        List<Block> shared = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            shared.add(mineOn(x, MINER_X, tick(), List.of()));
        }
        shared.forEach(block -> y.importBlock(block, clock));
        long forkTime = clock;

        Transaction onX = transfer(ALICE, BOB_ADDRESS, 100, 10, 0);
        for (int i = 0; i < 3; i++) {
            mineOn(x, MINER_X, tick(), i == 0 ? List.of(onX) : List.of());
        }
        clock = forkTime;
        Transaction onY = transfer(ALICE, BOB_ADDRESS, 700, 20, 0);
        List<Block> branchY = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            branchY.add(mineOn(y, MINER_Y, tick(), i == 1 ? List.of(onY) : List.of()));
        }

        List<ImportResult> results = branchY.stream().map(block -> x.importBlock(block, clock)).toList();

        assertThat(results.subList(0, 3)).allMatch(result -> result instanceof ImportResult.SideChain);
        assertThat(results.get(3)).isInstanceOfSatisfying(ImportResult.Reorganized.class, reorg -> {
            assertThat(reorg.depth()).isEqualTo(3);
            assertThat(reorg.forkPoint()).isEqualTo(shared.get(1).hash());
            assertThat(reorg.orphaned()).containsExactly(onX);
        });
        assertThat(results.get(4)).isInstanceOf(ImportResult.Extended.class);
        assertThat(x.head().hash()).isEqualTo(y.head().hash());
        for (Address address : List.of(ALICE.publicKey().address(), BOB_ADDRESS, MINER_X, MINER_Y)) {
            assertThat(x.account(address)).as(address.hex()).isEqualTo(y.account(address));
        }
        assertThat(x.account(BOB_ADDRESS).balance()).isEqualTo(700);
        assertThat(x.account(MINER_X).balance()).isEqualTo(2 * REWARD);
        assertThat(x.blockOfTransaction(onX.id())).isEmpty();
        assertThat(x.blockOfTransaction(onY.id())).contains(branchY.get(1).hash());
    }

    @Test
    void f3_reorganisesBackWhenTheOldBranchGrowsLonger() {
        mineOn(x, MINER_X, tick(), List.of());
        long forkTime = clock - BLOCK_TIME;
        Block xTwo = mineOn(x, MINER_X, tick(), List.of(transfer(ALICE, BOB_ADDRESS, 1, 10, 0)));
        List<Block> xBranch = List.of(x.blockAt(1).orElseThrow().block(), xTwo);

        clock = forkTime;
        for (int i = 0; i < 3; i++) {
            x.importBlock(mineOn(y, MINER_Y, tick(), List.of()), clock);
        }
        assertThat(x.head().hash()).isEqualTo(y.head().hash());

        xBranch.forEach(block -> y.importBlock(block, clock));
        Blockchain z = new Blockchain(params(), new InMemoryChainStore());
        xBranch.forEach(block -> z.importBlock(block, clock));
        Block xThree = mineOn(z, MINER_X, tick(), List.of());
        Block xFour = mineOn(z, MINER_X, tick(), List.of());

        x.importBlock(xThree, clock);
        assertThat(x.importBlock(xFour, clock)).isInstanceOf(ImportResult.Reorganized.class);
        assertThat(x.head().hash()).isEqualTo(xFour.hash());
        assertThat(x.account(BOB_ADDRESS).balance()).isEqualTo(1);
        assertThat(x.account(MINER_Y)).isEqualTo(Account.EMPTY);
    }

    @Test
    void h2_refusesABlockOfAnotherChain() {
        Blockchain mainnet = new Blockchain(TestChains.params("vanta-main-1"), new InMemoryChainStore());
        Block foreign = mineOn(mainnet, MINER_Y, tick(), List.of());
        assertInvalid(x.importBlock(reparent(foreign, x.head().hash()), clock), "H2");
    }

    @Test
    void h4_refusesATimestampNotAfterTheMedianOfRecentBlocks() {
        for (int i = 0; i < 3; i++) {
            mineOn(x, MINER_X, tick(), List.of());
        }
        Block stale = mine(x.template(List.of(), MINER_X, GENESIS_TIME));
        Block rewritten = remine(stale, header -> new BlockHeader(header.version(), header.chainId(), header.height(),
                header.parentHash(), GENESIS_TIME + BLOCK_TIME, header.merkleRoot(), header.stateRoot(), header.target(),
                header.miner(), 0));
        assertInvalid(x.importBlock(rewritten, clock), "H4");
    }

    @Test
    void h5_refusesATimestampTooFarAhead() {
        Block early = mine(x.template(List.of(), MINER_X, clock + 60_000));
        assertInvalid(x.importBlock(early, clock), "H5");
    }

    @Test
    void h6_refusesATargetOtherThanTheRulesOwn() {
        Block block = mine(x.template(List.of(), MINER_X, tick()));
        Block easier = remine(block, header -> new BlockHeader(header.version(), header.chainId(), header.height(),
                header.parentHash(), header.timestampMs(), header.merkleRoot(), header.stateRoot(),
                header.target().shiftRight(1), header.miner(), 0));
        assertInvalid(x.importBlock(easier, clock), "H6");
    }

    @Test
    void h7_refusesAHeaderAboveItsTarget() {
        BlockTemplate template = x.template(List.of(), MINER_X, tick());
        long failing = 0;
        while (ProofOfWork.satisfies(template.header().withNonce(failing))) {
            failing++;
        }
        assertInvalid(x.importBlock(template.withNonce(failing), clock), "H7");
    }

    @Test
    void b3_refusesTransactionsThatDoNotMatchTheMerkleRoot() {
        Block block = mine(x.template(List.of(transfer(ALICE, BOB_ADDRESS, 5, 10, 0)), MINER_X, tick()));
        Block swapped = new Block(block.header(), List.of(transfer(ALICE, BOB_ADDRESS, 6, 10, 0)));
        assertInvalid(x.importBlock(swapped, clock), "B3");
    }

    @Test
    void s2_refusesABlockWithAnInvalidTransactionAndChangesNothing() {
        Transaction overdraft = transfer(ALICE, BOB_ADDRESS, ALICE_FUNDS, 10, 0);
        Block honest = mine(x.template(List.of(), MINER_X, tick()));
        Block forged = remineWithTransactions(honest, List.of(overdraft));

        ImportResult result = x.importBlock(forged, clock);

        assertInvalid(result, "insufficient_balance");
        assertThat(x.head().height()).isZero();
        assertThat(x.account(ALICE.publicKey().address())).isEqualTo(new Account(ALICE_FUNDS, 0));
        assertThat(x.block(forged.hash()).orElseThrow().status()).isEqualTo(BlockStatus.INVALID);
        Block child = mine(new BlockTemplate(new BlockHeader(1, params().chainId(), 2, forged.hash(), tick(),
                forged.header().merkleRoot(), forged.header().stateRoot(), forged.header().target(), MINER_X, 0), List.of(), java.util.Map.of()));
        assertInvalid(x.importBlock(child, clock), "parent " + forged.hash() + " is invalid");
    }

    @Test
    void s3_refusesAWrongStateRoot() {
        Block block = mine(x.template(List.of(), MINER_X, tick()));
        Block lying = remine(block, header -> new BlockHeader(header.version(), header.chainId(), header.height(),
                header.parentHash(), header.timestampMs(), header.merkleRoot(), Hash.sha256(new byte[]{1}), header.target(),
                header.miner(), 0));
        assertInvalid(x.importBlock(lying, clock), "state root");
    }

    @Test
    void a_newChainOverTheSameStoreContinuesWhereItWas() {
        Block one = mineOn(x, MINER_X, tick(), List.of(transfer(ALICE, BOB_ADDRESS, 42, 10, 0)));
        Blockchain reopened = new Blockchain(params(), storeX);
        assertThat(reopened.head().hash()).isEqualTo(one.hash());
        assertThat(reopened.account(BOB_ADDRESS).balance()).isEqualTo(42);
    }

    @Test
    void refusesAStoreWrittenUnderOtherGenesisParameters() {
        assertThatThrownBy(() -> new Blockchain(TestChains.params("vanta-other-1"), storeX))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("parameters changed");
    }

    private static void assertInvalid(ImportResult result, String reason) {
        assertThat(result).isInstanceOfSatisfying(ImportResult.Invalid.class,
                invalid -> assertThat(invalid.reason()).contains(reason));
    }

    private static Block remine(Block block, UnaryOperator<BlockHeader> change) {
        return mine(new BlockTemplate(change.apply(block.header()), block.transactions(), java.util.Map.of()));
    }

    private static Block remineWithTransactions(Block block, List<Transaction> transactions) {
        Block body = new Block(block.header(), transactions);
        return remine(body, header -> new BlockHeader(header.version(), header.chainId(), header.height(),
                header.parentHash(), header.timestampMs(), body.computeMerkleRoot(), header.stateRoot(), header.target(),
                header.miner(), 0));
    }

    private static Block reparent(Block block, Hash parent) {
        return remine(block, header -> new BlockHeader(header.version(), header.chainId(), header.height(), parent,
                header.timestampMs(), header.merkleRoot(), header.stateRoot(), header.target(), header.miner(), 0));
    }


    @Test
    void b4_aBlockIsAtMostEightMebibytesInTheTemplateAndOnImport() {
        ChainParams roomy = new ChainParams("testnet", "vanta-test-1", BLOCK_TIME, 8 * BLOCK_TIME, 6 * BLOCK_TIME,
                3 * BLOCK_TIME, params().genesisTarget(), params().powLimit(), GENESIS_TIME, 1_000, 10, 20_000, 10_000,
                Map.of(ALICE.publicKey().address(), 1_000_000_000L), TestChains.STAKING);
        Blockchain chain = new Blockchain(roomy, new InMemoryChainStore());
        byte[] payload = new byte[Transaction.MAX_PAYLOAD_BYTES];
        List<Transaction> transfers = new ArrayList<>();
        for (int nonce = 0; nonce < 7_500; nonce++) {
            transfers.add(Transaction.sign(ALICE, roomy.chainId(), TransactionType.TRANSFER, BOB_ADDRESS, 1, 10, nonce, payload));
        }
        long all = new Block(chain.head().block().header(), transfers).encodedSize();
        assertThat(all).as("the transfers together").isGreaterThan(Block.MAX_ENCODED_BYTES);

        BlockTemplate template = chain.template(transfers, MINER_X, GENESIS_TIME + BLOCK_TIME);
        Block mined = TestChains.mine(template);
        assertThat(mined.encodedSize()).isLessThanOrEqualTo(Block.MAX_ENCODED_BYTES).isEqualTo(mined.encode().length);
        assertThat(mined.transactions()).hasSizeLessThan(transfers.size()).hasSizeGreaterThan(6_000);

        Block oversized = new Block(mined.header(), transfers);
        assertThat(chain.importBlock(oversized, GENESIS_TIME + BLOCK_TIME)).isInstanceOfSatisfying(ImportResult.Invalid.class,
                invalid -> assertThat(invalid.reason()).startsWith("B4:"));
        assertThatThrownBy(() -> Block.decode(oversized.encode(), 20_000)).as("refused before it is read")
                .hasMessageContaining("B4");
        assertThat(chain.importBlock(mined, GENESIS_TIME + BLOCK_TIME)).isInstanceOf(ImportResult.Extended.class);
    }

    @Test
    void f6_aSideBlockMoreThanTheReorganisationDepthBelowTheHeadIsNotStoredNorAreItsDescendants() {
        List<Block> main = new ArrayList<>();
        for (int i = 0; i < Blockchain.DEFAULT_MAX_REORG_DEPTH + 5; i++) {
            main.add(TestChains.mineOn(x, MINER_X, tick(), List.of()));
        }
        Block tooDeep = main.get(2);
        Block shallow = main.get(main.size() - 4);

        Block deepRival = TestChains.mine(rivalTemplateOn(tooDeep));
        assertThat(x.importBlock(deepRival, clock)).isInstanceOfSatisfying(ImportResult.Refused.class,
                refused -> assertThat(refused.reason()).startsWith("F6"));
        assertThat(x.block(deepRival.hash())).as("not stored").isEmpty();

        Block shallowRival = TestChains.mine(rivalTemplateOn(shallow));
        assertThat(x.importBlock(shallowRival, clock)).isInstanceOf(ImportResult.SideChain.class);
    }

    @Test
    void f6_aSideBranchMadeCheapByLateTimestampsIsKeptOnlyWithinSixBlocksWorkOfTheMainChain() {
        ChainParams hard = new ChainParams("testnet", "vanta-test-1", BLOCK_TIME, 8 * BLOCK_TIME, 6 * BLOCK_TIME, 3 * BLOCK_TIME,
                BigInteger.ONE.shiftLeft(248), BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE), GENESIS_TIME, REWARD, 10,
                100, 16, Map.of());
        Blockchain main = new Blockchain(hard, new InMemoryChainStore());
        long time = GENESIS_TIME;
        for (int i = 0; i < 30; i++) {
            mineOn(main, MINER_X, time += BLOCK_TIME, List.of());
        }
        Blockchain rival = branchOf(main, hard, 24);
        Block onTime = mine(rival.template(List.of(), MINER_Y, GENESIS_TIME + 25 * BLOCK_TIME + 1));
        assertThat(main.importBlock(onTime, time)).as("a rival mined on time").isInstanceOf(ImportResult.SideChain.class);

        Blockchain cheap = branchOf(main, hard, 20);
        long late = GENESIS_TIME + 20 * BLOCK_TIME;
        List<ImportResult> results = new ArrayList<>();
        while (results.isEmpty() || results.get(results.size() - 1) instanceof ImportResult.SideChain) {
            Block block = mineOn(cheap, MINER_Y, late += 6 * BLOCK_TIME, List.of());
            results.add(main.importBlock(block, late));
        }
        assertThat(results.get(results.size() - 1)).isInstanceOfSatisfying(ImportResult.Refused.class,
                refused -> assertThat(refused.reason()).startsWith("F6").contains("less work than the main chain"));
        assertThat(results.size() - 1).as("blocks kept while within the margin")
                .isBetween(Blockchain.SIDE_WORK_MARGIN_BLOCKS, 20);
        assertThat(main.head().height()).isEqualTo(30);
    }

    /** A chain of the same parameters holding the main chain's first {@code height} blocks. */
    private Blockchain branchOf(Blockchain main, ChainParams params, long height) {
        Blockchain branch = new Blockchain(params, new InMemoryChainStore());
        for (long h = 1; h <= height; h++) {
            branch.importBlock(main.blockAt(h).orElseThrow().block(), Long.MAX_VALUE / 2);
        }
        return branch;
    }

    /** A block on {@code parent} mined by another miner, as a rival node on that parent would make it. */
    private BlockTemplate rivalTemplateOn(Block parent) {
        Blockchain rival = new Blockchain(params(), new InMemoryChainStore());
        for (long h = 1; h <= parent.height(); h++) {
            rival.importBlock(x.blockAt(h).orElseThrow().block(), clock);
        }
        return rival.template(List.of(), MINER_Y, clock);
    }
}
