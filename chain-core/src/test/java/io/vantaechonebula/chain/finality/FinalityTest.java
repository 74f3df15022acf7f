package io.vantaechonebula.chain.finality;

import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.fork.Blockchain;
import io.vantaechonebula.chain.fork.ImportResult;
import io.vantaechonebula.chain.fork.TestChains;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.chain.store.FinalBlock;
import io.vantaechonebula.chain.store.InMemoryChainStore;
import io.vantaechonebula.chain.store.StoredBlock;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.chain.tx.TransactionType;
import io.vantaechonebula.chain.vote.Decision;
import io.vantaechonebula.chain.vote.Vote;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static io.vantaechonebula.chain.fork.TestChains.ALICE;
import static io.vantaechonebula.chain.fork.TestChains.BLOCK_TIME;
import static io.vantaechonebula.chain.fork.TestChains.GENESIS_TIME;
import static io.vantaechonebula.chain.fork.TestChains.MINER_X;
import static io.vantaechonebula.chain.fork.TestChains.MINER_Y;
import static io.vantaechonebula.chain.fork.TestChains.params;
import static org.assertj.core.api.Assertions.assertThat;

/** docs/chain-spec.md §8.2 FN1–FN3 and F4, on one chain in memory. */
class FinalityTest {

    private static final long FEE = 10;
    private static final long DELAY = params().staking().validatorDelayBlocks();
    private final List<Ed25519PrivateKey> validators = List.of(key(), key(), key());
    private final Blockchain chain = new Blockchain(params(), new InMemoryChainStore());
    private long time = GENESIS_TIME;

    private static Ed25519PrivateKey key() {
        return Ed25519PrivateKey.generate(new SecureRandom());
    }

    private Block mine(List<Transaction> transactions) {
        return TestChains.mineOn(chain, MINER_X, time += BLOCK_TIME, transactions);
    }

    /** Funds and registers the validators, then mines until their stakes vote on the next block (FN1). */
    private Block staked(long... stakes) {
        Block registered = registered(stakes);
        Block last = registered;
        for (long i = 0; i < DELAY; i++) {
            last = mine(List.of());
        }
        return last;
    }

    /** Funds the validators in one block and has them stake the amounts given in the next. */
    private Block registered(long... stakes) {
        List<Transaction> funding = new ArrayList<>();
        for (int i = 0; i < validators.size(); i++) {
            funding.add(Transaction.transfer(ALICE, params().chainId(), address(i), 100_000, FEE, i));
        }
        mine(funding);
        List<Transaction> registering = new ArrayList<>();
        for (int i = 0; i < validators.size(); i++) {
            registering.add(Transaction.sign(validators.get(i), params().chainId(), TransactionType.VALIDATOR_REGISTER,
                    address(i), stakes[i], FEE, 0, new byte[0]));
        }
        return mine(registering);
    }

    /** Another node's chain holding this chain's blocks up to {@code fork}, to mine a rival branch on. */
    private Blockchain rivalSharingUpTo(Block fork) {
        Blockchain rival = new Blockchain(params(), new InMemoryChainStore());
        for (long h = 1; h <= fork.height(); h++) {
            rival.importBlock(chain.blockAt(h).orElseThrow().block(), time);
        }
        return rival;
    }

    private Address address(int validator) {
        return validators.get(validator).publicKey().address();
    }

    private Vote approve(int validator, Block block, int round) {
        return Vote.sign(validators.get(validator), params().chainId(), block.height(), round, block.hash(), Decision.APPROVE);
    }

    @Test
    void fn1_theValidatorsOfABlockAreTheActiveStakesDelayBlocksBelowItsParent() {
        Block registered = registered(10_000, 20_000, 30_000);
        List<Block> after = new ArrayList<>();
        for (long i = 0; i <= DELAY; i++) {
            after.add(mine(List.of()));
        }

        assertThat(chain.validatorsFor(registered.hash())).contains(ValidatorSet.EMPTY);
        for (int i = 0; i < DELAY; i++) {
            assertThat(chain.validatorsFor(after.get(i).hash())).as("%d blocks after the registration", i + 1)
                    .contains(ValidatorSet.EMPTY);
        }
        Block first = after.get((int) DELAY);
        assertThat(chain.validatorsFor(first.hash()).orElseThrow().stakes())
                .isEqualTo(Map.of(address(0), 10_000L, address(1), 20_000L, address(2), 30_000L));
        Block exit = mine(List.of(Transaction.sign(validators.get(2), params().chainId(), TransactionType.VALIDATOR_EXIT,
                address(2), 0, FEE, 1, new byte[0])));
        Block stillVoting = null;
        for (long i = 0; i <= DELAY; i++) {
            stillVoting = i < DELAY ? mine(List.of()) : stillVoting;
        }
        Block afterExit = mine(List.of());
        assertThat(chain.validatorsFor(first.hash()).orElseThrow().total()).as("looked back through the exit").isEqualTo(60_000);
        assertThat(chain.validatorsFor(stillVoting.hash()).orElseThrow().total()).as("the exit is not deep enough yet")
                .isEqualTo(60_000);
        assertThat(afterExit.height()).isEqualTo(exit.height() + DELAY + 1);
        assertThat(chain.validatorsFor(afterExit.hash()).orElseThrow().total()).isEqualTo(30_000);
    }

    @Test
    void p10_aValidatorSetIsReadOnceAndKeptByTheBlockItIsReadAfterWhateverTheHeadDoes() {
        Block voted = staked(10_000, 20_000, 30_000);
        ValidatorSet set = chain.validatorsFor(voted.hash()).orElseThrow();
        mine(List.of(Transaction.sign(validators.get(2), params().chainId(), TransactionType.VALIDATOR_EXIT, address(2), 0, FEE, 1,
                new byte[0])));
        for (long i = 0; i <= DELAY; i++) {
            mine(List.of());
        }

        assertThat(chain.validatorsFor(voted.hash()).orElseThrow()).as("the same set, not read again through the exit")
                .isSameAs(set);
        assertThat(chain.validatorsFor(chain.head().hash()).orElseThrow().total()).as("the head's own, after the exit")
                .isEqualTo(30_000);
    }

    @Test
    void fn6_aStakeRegisteredOnABranchNeverVotesOnThatBranch() {
        staked(10_000, 10_000, 10_000);
        Block fork = chain.head().block();
        for (long i = 0; i < DELAY + 6; i++) {
            mine(List.of());
        }
        // The attacker forks, funds its key from ALICE and registers it in the branch's first block,
        // with a stake far above the others', then approves the branch's later blocks alone.
        Ed25519PrivateKey attacker = key();
        Address attackerAddress = attacker.publicKey().address();
        Blockchain rival = rivalSharingUpTo(fork);
        long rivalTime = time;
        TestChains.mineOn(rival, MINER_Y, rivalTime += BLOCK_TIME, List.of(
                Transaction.transfer(ALICE, params().chainId(), attackerAddress, 500_000, FEE, 3)));
        TestChains.mineOn(rival, MINER_Y, rivalTime += BLOCK_TIME, List.of(Transaction.sign(attacker, params().chainId(),
                TransactionType.VALIDATOR_REGISTER, attackerAddress, 400_000, FEE, 0, new byte[0])));
        List<Block> branch = new ArrayList<>();
        for (long i = 0; i <= DELAY + 1; i++) {
            branch.add(TestChains.mineOn(rival, MINER_Y, rivalTime += BLOCK_TIME, List.of()));
        }
        for (long h = fork.height() + 1; h <= rival.head().height(); h++) {
            chain.importBlock(rival.blockAt(h).orElseThrow().block(), rivalTime);
        }
        Block target = branch.get(branch.size() - 1);
        assertThat(rival.validatorsFor(target.hash()).orElseThrow().stakes()).as("on its own chain the branch counts it")
                .containsKey(attackerAddress);

        assertThat(chain.validatorsFor(target.hash())).as("its validators were made on the branch").isEmpty();
        FinalityCertificate forged = new FinalityCertificate(params().chainId(), target.height(), 0, target.hash(),
                List.of(Vote.sign(attacker, params().chainId(), target.height(), 0, target.hash(), Decision.APPROVE)));
        assertThat(chain.finalise(forged)).hasValueSatisfying(problem -> assertThat(problem).contains("validators"));
        assertThat(chain.finalBlock()).isEmpty();
        assertThat(chain.head().height()).as("the heavier chain stays the main chain").isGreaterThan(target.height());
        assertThat(chain.blockAt(target.height()).orElseThrow().hash()).isNotEqualTo(target.hash());
        Block early = branch.get(0);
        assertThat(chain.validatorsFor(early.hash()).orElseThrow().stakes()).as("a branch block close to the fork: the shared set")
                .doesNotContainKey(attackerAddress).hasSize(3);
    }

    @Test
    void fn2_approvalsOfMoreThanTwoThirdsOfTheStakeInOneRoundMakeTheBlockFinal() {
        staked(10_000, 10_000, 10_000);
        Block block = mine(List.of());
        ValidatorSet set = chain.validatorsFor(block.hash()).orElseThrow();
        VoteTally tally = new VoteTally(params().chainId());

        assertThat(tally.add(approve(0, block, 0), set)).isInstanceOf(VoteTally.Outcome.Counted.class);
        assertThat(tally.add(approve(1, block, 1), set)).as("another round").isInstanceOf(VoteTally.Outcome.Counted.class);
        assertThat(tally.add(approve(1, block, 0), set)).as("exactly 2/3 is not more").isInstanceOf(VoteTally.Outcome.Counted.class);
        VoteTally.Outcome outcome = tally.add(approve(2, block, 0), set);

        assertThat(outcome).isInstanceOf(VoteTally.Outcome.Final.class);
        FinalityCertificate certificate = ((VoteTally.Outcome.Final) outcome).certificate();
        assertThat(certificate.votes()).hasSize(3);
        assertThat(chain.finalise(certificate)).isEmpty();
        assertThat(chain.finalBlock().orElseThrow().hash()).isEqualTo(block.hash());
        assertThat(chain.certificate(block.hash()).orElseThrow().votes()).hasSize(3);
    }

    @Test
    void v6_aValidatorThatApprovesTwoBlocksInOneRoundGivesEvidenceAgainstItself() {
        staked(10_000, 10_000, 10_000);
        Block block = mine(List.of());
        ValidatorSet set = chain.validatorsFor(block.hash()).orElseThrow();
        VoteTally tally = new VoteTally(params().chainId());
        Vote other = Vote.sign(validators.get(0), params().chainId(), block.height(), 0, Hash.sha256(new byte[] {1}),
                Decision.APPROVE);

        tally.add(approve(0, block, 0), set);
        VoteTally.Outcome outcome = tally.add(other, set);

        assertThat(outcome).isInstanceOfSatisfying(VoteTally.Outcome.Conflict.class, conflict ->
                assertThat(conflict.evidence().first().conflictsWith(conflict.evidence().second())).isTrue());
        assertThat(tally.add(Vote.sign(key(), params().chainId(), block.height(), 0, block.hash(), Decision.APPROVE), set))
                .as("not a validator").isInstanceOf(VoteTally.Outcome.Refused.class);
    }

    @Test
    void fn3_aCertificateIsCheckedAgainstTheBlocksOwnValidators() throws Exception {
        staked(10_000, 10_000, 11_000);
        Block block = mine(List.of());
        ValidatorSet set = chain.validatorsFor(block.hash()).orElseThrow();
        String chainId = params().chainId();

        FinalityCertificate enough = new FinalityCertificate(chainId, block.height(), 0, block.hash(),
                List.of(approve(1, block, 0), approve(2, block, 0)));
        assertThat(enough.problemWith(set)).as("21 of 31").isEmpty();
        assertThat(FinalityCertificate.decode(enough.encode()).problemWith(set)).isEmpty();
        assertThat(new FinalityCertificate(chainId, block.height(), 0, block.hash(),
                List.of(approve(0, block, 0), approve(1, block, 0))).problemWith(set)).hasValueSatisfying(p ->
                assertThat(p).contains("20000 of 31000"));
        assertThat(new FinalityCertificate(chainId, block.height(), 0, block.hash(),
                List.of(approve(2, block, 0), approve(2, block, 0), approve(1, block, 0))).problemWith(set))
                .hasValueSatisfying(p -> assertThat(p).contains("votes twice"));
        assertThat(new FinalityCertificate(chainId, block.height(), 0, block.hash(),
                List.of(approve(1, block, 0), approve(2, block, 1))).problemWith(set))
                .hasValueSatisfying(p -> assertThat(p).contains("not an approval"));
    }

    @Test
    void f4_aHeavierBranchThatWouldDisconnectAFinalBlockIsKeptAside() {
        staked(10_000, 10_000, 10_000);
        Block fork = chain.head().block();
        Block first = mine(List.of());
        Block second = mine(List.of());
        assertThat(chain.finalise(new FinalityCertificate(params().chainId(), first.height(), 0, first.hash(),
                List.of(approve(0, first, 0), approve(1, first, 0), approve(2, first, 0))))).isEmpty();

        Blockchain rival = rivalSharingUpTo(fork);
        long rivalTime = time;
        List<ImportResult> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Block block = TestChains.mineOn(rival, MINER_Y, rivalTime += BLOCK_TIME, List.of());
            results.add(chain.importBlock(block, rivalTime));
        }

        assertThat(results.get(0)).as("F6: at the final height, not even stored").isInstanceOfSatisfying(
                ImportResult.Refused.class, refused -> assertThat(refused.reason()).startsWith("F6"));
        assertThat(results.subList(1, 4)).allSatisfy(result -> assertThat(result).isInstanceOf(ImportResult.Orphan.class));
        assertThat(chain.head().hash()).isEqualTo(second.hash());
        assertThat(chain.finalise(new FinalityCertificate(params().chainId(), first.height(), 0, first.hash(),
                List.of(approve(0, first, 0), approve(1, first, 0), approve(2, first, 0)))))
                .hasValueSatisfying(p -> assertThat(p).contains("final already"));
    }

    @Test
    void f5_aCertificateOnALighterBranchMakesItTheMainChain() {
        staked(10_000, 10_000, 10_000);
        Block fork = chain.head().block();
        Blockchain rival = rivalSharingUpTo(fork);
        long rivalTime = time;
        Block heavier = null;
        for (int i = 0; i < 3; i++) {
            heavier = mine(List.of());
        }
        Block lighter = TestChains.mineOn(rival, MINER_Y, rivalTime + BLOCK_TIME, List.of());
        assertThat(chain.importBlock(lighter, time)).isInstanceOf(ImportResult.SideChain.class);

        assertThat(chain.validatorsFor(lighter.hash()).orElseThrow().total()).as("FN1 on a branch").isEqualTo(30_000);
        FinalityCertificate certificate = new FinalityCertificate(params().chainId(), lighter.height(), 0, lighter.hash(),
                List.of(approve(0, lighter, 0), approve(1, lighter, 0), approve(2, lighter, 0)));
        assertThat(chain.finalise(certificate)).isEmpty();

        assertThat(chain.head().hash()).isEqualTo(lighter.hash());
        assertThat(chain.finalBlock().orElseThrow().hash()).isEqualTo(lighter.hash());
        assertThat(chain.blockAt(lighter.height()).orElseThrow().hash()).isEqualTo(lighter.hash());
        Block minedNext = TestChains.mine(chain.template(List.of(), MINER_X, time + BLOCK_TIME));
        assertThat(minedNext.header().parentHash()).isEqualTo(lighter.hash());
        Block next = TestChains.mineOn(rival, MINER_Y, rivalTime + 2 * BLOCK_TIME, List.of());
        assertThat(chain.importBlock(next, time + BLOCK_TIME)).as("the final branch grows")
                .isInstanceOf(ImportResult.Extended.class);
        assertThat(chain.block(heavier.hash())).as("the heavier branch is kept aside").isPresent();
    }

    @Test
    void f5_aBranchLeavingBelowTheFinalBlockHasNoValidatorsAndCannotBeMadeFinal() {
        staked(10_000, 10_000, 10_000);
        Block fork = chain.head().block();
        Blockchain rival = rivalSharingUpTo(fork);
        Block first = mine(List.of());
        mine(List.of());
        assertThat(chain.finalise(new FinalityCertificate(params().chainId(), first.height(), 0, first.hash(),
                List.of(approve(0, first, 0), approve(1, first, 0), approve(2, first, 0))))).isEmpty();
        Block rivalFirst = TestChains.mineOn(rival, MINER_Y, time + BLOCK_TIME, List.of());
        Block rivalSecond = TestChains.mineOn(rival, MINER_Y, time + 2 * BLOCK_TIME, List.of());
        assertThat(chain.importBlock(rivalFirst, time + 2 * BLOCK_TIME)).as("F6").isInstanceOf(ImportResult.Refused.class);
        chain.importBlock(rivalSecond, time + 2 * BLOCK_TIME);

        assertThat(chain.validatorsFor(rivalSecond.hash())).isEmpty();
        assertThat(chain.finalise(new FinalityCertificate(params().chainId(), rivalSecond.height(), 0, rivalSecond.hash(),
                List.of(approve(0, rivalSecond, 0), approve(1, rivalSecond, 0), approve(2, rivalSecond, 0)))))
                .hasValueSatisfying(problem -> assertThat(problem).contains("not known"));
        assertThat(chain.finalBlock().orElseThrow().hash()).isEqualTo(first.hash());
    }

    @Test
    void fn7_aValidatorNeverSignsAgainAtAHeightItSignedAtBeforeARestart() {
        staked(10_000, 10_000, 10_000);
        Block fork = chain.head().block();
        Blockchain rival = rivalSharingUpTo(fork);
        Block first = mine(List.of());
        Block other = TestChains.mineOn(rival, MINER_Y, time + 1, List.of());
        chain.importBlock(other, time + 1);
        HeadOf view = new HeadOf(chain);
        SignedVotes record = SignedVotes.inMemory();

        ChainFinality before = new ChainFinality(view, Optional.of(validators.get(0)), 10_000, record);
        assertThat(before.votesDue(time)).singleElement().satisfies(vote -> {
            assertThat(vote.blockHash()).isEqualTo(first.hash());
            assertThat(vote.round()).isZero();
        });
        assertThat(record.highestSigned()).hasValue(first.height());

        // The node restarts, and its head at that height is now the other block (a re-organisation while it was down).
        view.head = chain.block(other.hash()).orElseThrow();
        ChainFinality after = new ChainFinality(view, Optional.of(validators.get(0)), 10_000, record);
        assertThat(after.votesDue(time + 60_000)).as("no second vote at a height it signed at").isEmpty();
        assertThat(after.votesDue(time + 120_000)).isEmpty();

        view.head = null;
        Block next = mine(List.of());
        assertThat(after.votesDue(time)).as("the next height is new").singleElement()
                .satisfies(vote -> assertThat(vote.blockHash()).isEqualTo(next.hash()));
    }

    /** The chain as finality sees it, with the head set by the test (null: the chain's own). */
    private static final class HeadOf implements FinalityChain {
        private final Blockchain chain;
        StoredBlock head;

        HeadOf(Blockchain chain) {
            this.chain = chain;
        }

        @Override
        public ChainParams params() {
            return chain.params();
        }

        @Override
        public StoredBlock head() {
            return head != null ? head : chain.head();
        }

        @Override
        public Optional<StoredBlock> block(Hash hash) {
            return chain.block(hash);
        }

        @Override
        public Optional<ValidatorSet> validatorsFor(Hash hash) {
            return chain.validatorsFor(hash);
        }

        @Override
        public Optional<String> refusesValidatorsOf(Hash hash) {
            return chain.refusesValidatorsOf(hash);
        }

        @Override
        public Optional<String> finalise(FinalityCertificate certificate) {
            return chain.finalise(certificate);
        }

        @Override
        public Optional<FinalBlock> finalBlock() {
            return chain.finalBlock();
        }
    }
}
