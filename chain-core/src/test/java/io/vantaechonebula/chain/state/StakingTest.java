package io.vantaechonebula.chain.state;

import io.vantaechonebula.chain.account.Account;
import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.block.BlockTemplate;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.encoding.CanonicalWriter;
import io.vantaechonebula.chain.fork.Blockchain;
import io.vantaechonebula.chain.fork.ImportResult;
import io.vantaechonebula.chain.fork.TestChains;
import io.vantaechonebula.chain.mempool.Mempool;
import io.vantaechonebula.chain.store.InMemoryChainStore;
import io.vantaechonebula.chain.tx.InvalidTransactionException;
import io.vantaechonebula.chain.tx.RejectionReason;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.chain.tx.TransactionType;
import io.vantaechonebula.chain.vote.Decision;
import io.vantaechonebula.chain.vote.SlashEvidence;
import io.vantaechonebula.chain.vote.Vote;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static io.vantaechonebula.chain.fork.TestChains.ALICE;
import static io.vantaechonebula.chain.fork.TestChains.ALICE_FUNDS;
import static io.vantaechonebula.chain.fork.TestChains.BLOCK_TIME;
import static io.vantaechonebula.chain.fork.TestChains.BOB;
import static io.vantaechonebula.chain.fork.TestChains.GENESIS_TIME;
import static io.vantaechonebula.chain.fork.TestChains.MINER_X;
import static io.vantaechonebula.chain.fork.TestChains.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** docs/chain-spec.md §8.1, V1–V8, through real blocks. */
class StakingTest {

    private static final Address ALICE_ADDRESS = ALICE.publicKey().address();
    private static final Address BOB_ADDRESS = BOB.publicKey().address();
    private static final long FEE = 10;

    private final Blockchain chain = new Blockchain(params(), new InMemoryChainStore());
    private long time = GENESIS_TIME;
    private long aliceNonce;

    private Block mine(Transaction... transactions) {
        return TestChains.mineOn(chain, MINER_X, time += BLOCK_TIME, List.of(transactions));
    }

    /** A block template with the transaction, which the chain's rules may have skipped, and why. */
    private BlockTemplate attempt(Transaction transaction) {
        return chain.template(List.of(transaction), MINER_X, time + BLOCK_TIME);
    }

    private Transaction aliceDoes(TransactionType type, long amount) {
        return Transaction.sign(ALICE, params().chainId(), type, ALICE_ADDRESS, amount, FEE, aliceNonce++, new byte[0]);
    }

    private Account alice() {
        return chain.account(ALICE_ADDRESS);
    }

    @Test
    void v3_registeringLocksTheStakeOutOfTheBalance() {
        mine(aliceDoes(TransactionType.VALIDATOR_REGISTER, 20_000));

        assertThat(alice().stake()).isEqualTo(20_000);
        assertThat(alice().balance()).isEqualTo(ALICE_FUNDS - 20_000 - FEE);
        assertThat(alice().isActiveValidator()).isTrue();

        mine(aliceDoes(TransactionType.VALIDATOR_REGISTER, 5_000));
        assertThat(alice().stake()).as("registering again adds").isEqualTo(25_000);
    }

    @Test
    void v2_aStakeBelowTheMinimumIsRefusedInTheMempoolAndLeftOutOfBlocks() {
        Transaction small = aliceDoes(TransactionType.VALIDATOR_REGISTER, 9_999);

        assertThatThrownBy(() -> new Mempool(params(), 10).add(small, chain::account))
                .isInstanceOfSatisfying(InvalidTransactionException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.STAKE_TOO_LOW));
        assertThat(attempt(small).skipped().get(small)).startsWith("stake_too_low");
    }

    @Test
    void v5_theFirstExitStartsTheDelayTheSecondWithdrawsOnceItHasPassed() {
        mine(aliceDoes(TransactionType.VALIDATOR_REGISTER, 20_000));
        Block exitBlock = mine(aliceDoes(TransactionType.VALIDATOR_EXIT, 0));
        assertThat(alice().exitHeight()).isEqualTo(exitBlock.height());
        assertThat(alice().isActiveValidator()).as("inactive from the next block").isFalse();
        assertThat(alice().stake()).isEqualTo(20_000);

        Transaction withdraw = aliceDoes(TransactionType.VALIDATOR_EXIT, 0);
        assertThat(attempt(withdraw).skipped().get(withdraw)).startsWith("stake_locked")
                .contains("until height " + (exitBlock.height() + TestChains.STAKING.exitDelayBlocks()));
        while (chain.head().height() + 1 < exitBlock.height() + TestChains.STAKING.exitDelayBlocks()) {
            mine();
        }
        long balanceBefore = alice().balance();
        mine(withdraw);

        assertThat(alice().stake()).isZero();
        assertThat(alice().exitHeight()).isZero();
        assertThat(alice().balance()).isEqualTo(balanceBefore + 20_000 - FEE);
    }

    @Test
    void v1_v4_anExitingValidatorCannotRegisterAndAnAccountWithoutStakeCannotExit() {
        Transaction exitWithoutStake = aliceDoes(TransactionType.VALIDATOR_EXIT, 0);
        assertThat(attempt(exitWithoutStake).skipped().get(exitWithoutStake)).startsWith("not_a_validator");
        aliceNonce--;

        mine(aliceDoes(TransactionType.VALIDATOR_REGISTER, 20_000));
        mine(aliceDoes(TransactionType.VALIDATOR_EXIT, 0));
        Transaction topUp = aliceDoes(TransactionType.VALIDATOR_REGISTER, 1_000);
        assertThat(attempt(topUp).skipped().get(topUp)).startsWith("stake_locked");
    }

    @Test
    void v6_v8_twoConflictingVotesSlashTheStakeAndPayTheReporterItsShare() {
        mine(aliceDoes(TransactionType.VALIDATOR_REGISTER, 20_000),
                Transaction.transfer(ALICE, params().chainId(), BOB_ADDRESS, 1_000, FEE, aliceNonce++));
        Transaction slash = evidence(BOB, ALICE_ADDRESS, 0, vote(ALICE, 7, 0, 1, Decision.APPROVE),
                vote(ALICE, 7, 0, 2, Decision.APPROVE));

        mine(slash);

        assertThat(alice().stake()).isZero();
        assertThat(alice().isActiveValidator()).isFalse();
        assertThat(chain.account(BOB_ADDRESS).balance()).isEqualTo(1_000 - FEE + 20_000 / 10);
        Transaction again = evidence(BOB, ALICE_ADDRESS, 1, vote(ALICE, 8, 0, 1, Decision.APPROVE),
                vote(ALICE, 8, 0, 1, Decision.REJECT));
        assertThat(attempt(again).skipped().get(again)).as("V7: nothing left").startsWith("not_a_validator");
    }

    @Test
    void v9_evidenceCountsOnceAndOnlyAgainstTheRegistrationItWasSignedIn() throws Exception {
        mine(aliceDoes(TransactionType.VALIDATOR_REGISTER, 20_000),
                Transaction.transfer(ALICE, params().chainId(), BOB_ADDRESS, 10_000, FEE, aliceNonce++));
        assertThat(alice().stakeSince()).as("registered in block 1").isEqualTo(1);
        mine(aliceDoes(TransactionType.VALIDATOR_REGISTER, 1_000));
        assertThat(alice().stakeSince()).as("more stake keeps the registration").isEqualTo(1);
        Vote first = vote(ALICE, 2, 0, 1, Decision.APPROVE);
        Vote second = vote(ALICE, 2, 0, 2, Decision.APPROVE);
        mine(evidence(BOB, ALICE_ADDRESS, 0, first, second));
        assertThat(alice().stake()).isZero();
        assertThat(alice().stakeSince()).isZero();

        mine(aliceDoes(TransactionType.VALIDATOR_REGISTER, 20_000));
        assertThat(alice().stakeSince()).as("registered again in block 4").isEqualTo(4);
        Transaction replayed = evidence(BOB, ALICE_ADDRESS, 1, first, second);
        assertThat(attempt(replayed).skipped().get(replayed)).as("the used evidence, against the new stake")
                .startsWith("bad_evidence").contains("V9");
        Transaction older = evidence(BOB, ALICE_ADDRESS, 1, vote(ALICE, 4, 0, 1, Decision.APPROVE),
                vote(ALICE, 4, 0, 1, Decision.REJECT));
        assertThat(attempt(older).skipped().get(older)).as("votes at the registration's own height").startsWith("bad_evidence");
        assertThat(alice().stake()).isEqualTo(20_000);

        Transaction fresh = evidence(BOB, ALICE_ADDRESS, 1, vote(ALICE, 5, 0, 1, Decision.APPROVE),
                vote(ALICE, 5, 0, 2, Decision.APPROVE));
        mine(fresh);
        assertThat(alice().stake()).as("new evidence against the new registration").isZero();
        assertThat(BlockUndo.decode(new BlockUndo(Map.of(ALICE_ADDRESS, new Account(5, 1, 20_000, 0, 4))).encode())
                .previous().get(ALICE_ADDRESS).stakeSince()).as("through an undo record").isEqualTo(4);
    }

    @Test
    void v6_votesThatDoNotConflictOrAreNotTheRecipientsAreNoEvidence() {
        Ed25519PrivateKey other = Ed25519PrivateKey.generate(new SecureRandom());
        mine(aliceDoes(TransactionType.VALIDATOR_REGISTER, 20_000),
                Transaction.transfer(ALICE, params().chainId(), BOB_ADDRESS, 1_000, FEE, aliceNonce++));

        List<Transaction> notEvidence = List.of(
                evidence(BOB, ALICE_ADDRESS, 0, vote(ALICE, 7, 0, 1, Decision.APPROVE), vote(ALICE, 7, 1, 2, Decision.APPROVE)),
                evidence(BOB, ALICE_ADDRESS, 0, vote(ALICE, 7, 0, 1, Decision.APPROVE), vote(ALICE, 8, 0, 2, Decision.APPROVE)),
                evidence(BOB, ALICE_ADDRESS, 0, vote(ALICE, 7, 0, 1, Decision.APPROVE), vote(ALICE, 7, 0, 1, Decision.APPROVE)),
                evidence(BOB, ALICE_ADDRESS, 0, vote(ALICE, 7, 0, 1, Decision.REJECT), vote(ALICE, 7, 0, 2, Decision.REJECT)),
                evidence(BOB, ALICE_ADDRESS, 0, vote(other, 7, 0, 1, Decision.APPROVE), vote(other, 7, 0, 2, Decision.APPROVE)));
        for (Transaction tx : notEvidence) {
            assertThat(attempt(tx).skipped().get(tx)).startsWith("bad_evidence");
        }
        Vote forged = new Vote(params().chainId(), 7, 0, Hash.sha256(new byte[] {2}), Decision.APPROVE, ALICE.publicKey(),
                new byte[64]);
        Transaction unsigned = evidence(BOB, ALICE_ADDRESS, 0, vote(ALICE, 7, 0, 1, Decision.APPROVE), forged);
        assertThat(attempt(unsigned).skipped().get(unsigned)).startsWith("bad_evidence").contains("signature");
        assertThat(alice().stake()).isEqualTo(20_000);
    }

    @Test
    void aReorganisationGivesTheStakeBackToTheBalance() {
        Block fork = mine();
        mine(aliceDoes(TransactionType.VALIDATOR_REGISTER, 20_000));
        assertThat(alice().stake()).isEqualTo(20_000);

        Blockchain other = new Blockchain(params(), new InMemoryChainStore());
        other.importBlock(fork, time);
        long otherTime = time;
        ImportResult last = null;
        for (int i = 0; i < 2; i++) {
            Block block = TestChains.mineOn(other, MINER_X, otherTime += BLOCK_TIME, List.of());
            last = chain.importBlock(block, otherTime);
        }

        assertThat(last).isInstanceOf(ImportResult.Reorganized.class);
        assertThat(alice()).isEqualTo(new Account(ALICE_FUNDS, 0));
    }

    @Test
    void s3_blocksThatTouchNoStakeKeepTheirStateRootAndUndoEncoding() {
        Map<Address, Account> touched = Map.of(ALICE_ADDRESS, new Account(5, 1), BOB_ADDRESS, new Account(7, 0));
        CanonicalWriter plain = new CanonicalWriter().fixed(Hash.ZERO.bytes(), Hash.LENGTH_BYTES);
        new java.util.TreeMap<>(touched).forEach((address, account) ->
                plain.fixed(address.bytes(), Address.LENGTH_BYTES).i64(account.balance()).i64(account.nonce()));

        assertThat(StateRoot.next(Hash.ZERO, touched, Map.of())).isEqualTo(Hash.sha256(plain.toByteArray()));
        assertThat(StateRoot.next(Hash.ZERO, touched, Map.of(ALICE_ADDRESS, new Account(5, 1, 10_000, 3))))
                .as("a stake that left is recorded").isNotEqualTo(Hash.sha256(plain.toByteArray()));
    }

    @Test
    void anUndoRecordKeepsStakesThroughItsEncoding() throws Exception {
        BlockUndo undo = new BlockUndo(Map.of(ALICE_ADDRESS, new Account(5, 1, 10_000, 3), BOB_ADDRESS, new Account(7, 0)));

        assertThat(BlockUndo.decode(undo.encode())).isEqualTo(undo);
        BlockUndo plain = new BlockUndo(Map.of(BOB_ADDRESS, new Account(7, 0)));
        assertThat(plain.encode()).hasSize(4 + 36);
    }

    private static Vote vote(Ed25519PrivateKey key, long height, int round, int block, Decision decision) {
        return Vote.sign(key, params().chainId(), height, round, Hash.sha256(new byte[] {(byte) block}), decision);
    }

    private static Transaction evidence(Ed25519PrivateKey reporter, Address offender, long nonce, Vote first, Vote second) {
        return Transaction.sign(reporter, params().chainId(), TransactionType.SLASH_EVIDENCE, offender, 0, FEE, nonce,
                new SlashEvidence(first, second).encode());
    }
}
