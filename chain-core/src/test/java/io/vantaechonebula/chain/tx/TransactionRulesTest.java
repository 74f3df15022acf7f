package io.vantaechonebula.chain.tx;

import static io.vantaechonebula.chain.fork.TestChains.ALICE;
import static io.vantaechonebula.chain.fork.TestChains.BOB;
import static io.vantaechonebula.chain.fork.TestChains.params;
import static io.vantaechonebula.chain.fork.TestChains.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vantaechonebula.chain.account.Account;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.params.ChainParams;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** docs/chain-spec.md §2.2: one test per rejection reason (T1–T8). */
class TransactionRulesTest {

    private static final Address BOB_ADDRESS = BOB.publicKey().address();
    private static final Account FUNDED = new Account(1_000, 3);

    @Test
    void acceptsAWellFormedSignedTransfer() {
        Transaction tx = transfer(ALICE, BOB_ADDRESS, 100, 10, 3);
        assertThatCode(() -> {
            TransactionRules.checkAlone(tx, params());
            TransactionRules.checkAgainst(tx, FUNDED, 0, 0);
        }).doesNotThrowAnyException();
    }

    @Test
    void t1_malformed_zeroAmount() {
        assertReason(() -> TransactionRules.checkAlone(transfer(ALICE, BOB_ADDRESS, 0, 10, 3), params()),
                RejectionReason.MALFORMED, "greater than 0");
    }

    @Test
    void t1_malformed_aValidatorTransactionWithTheWrongAmountOrRecipient() {
        Address alice = ALICE.publicKey().address();
        Transaction registerForBob = Transaction.sign(ALICE, params().chainId(), TransactionType.VALIDATOR_REGISTER,
                BOB_ADDRESS, 100, 10, 3, new byte[0]);
        Transaction exitWithAmount = Transaction.sign(ALICE, params().chainId(), TransactionType.VALIDATOR_EXIT,
                alice, 1, 10, 3, new byte[0]);
        Transaction registerNothing = Transaction.sign(ALICE, params().chainId(), TransactionType.VALIDATOR_REGISTER,
                alice, 0, 10, 3, new byte[0]);

        assertReason(() -> TransactionRules.checkAlone(registerForBob, params()), RejectionReason.MALFORMED, "as recipient");
        assertReason(() -> TransactionRules.checkAlone(exitWithAmount, params()), RejectionReason.MALFORMED, "amount of 0");
        assertReason(() -> TransactionRules.checkAlone(registerNothing, params()), RejectionReason.MALFORMED, "greater than 0");
    }

    @Test
    void t1_malformed_bytesThatAreNotATransaction() {
        byte[] encoded = transfer(ALICE, BOB_ADDRESS, 100, 10, 3).encode();
        assertReason(() -> Transaction.decode(Arrays.copyOf(encoded, encoded.length - 1)), RejectionReason.MALFORMED, "ends before");
        assertReason(() -> Transaction.decode(Arrays.copyOf(encoded, encoded.length + 1)), RejectionReason.MALFORMED, "follow the end");
    }

    @Test
    void t2_wrongChain() {
        Transaction mainnet = Transaction.transfer(ALICE, "vanta-mainnet-1", BOB_ADDRESS, 100, 10, 3);
        assertReason(() -> TransactionRules.checkAlone(mainnet, params()), RejectionReason.WRONG_CHAIN, "vanta-mainnet-1");
    }

    @Test
    void t2a_refusedAddress_asSenderOrRecipient_andOnlyOnTheChainThatRefusesIt() {
        ChainParams open = params();
        ChainParams refusing = new ChainParams(open.name(), open.chainId(), open.targetBlockTimeMs(), open.halfLifeMs(),
                open.maxSolveTimeMs(), open.maxFutureMs(), open.genesisTarget(), open.powLimit(), open.genesisTimestampMs(),
                open.blockReward(), open.minFee(), open.maxTransactionsPerBlock(), open.maxNonceAhead(), open.allocations(),
                open.staking(), Set.of(ALICE.publicKey().address()));

        assertReason(() -> TransactionRules.checkAlone(transfer(ALICE, BOB_ADDRESS, 100, 10, 3), refusing),
                RejectionReason.REFUSED_ADDRESS, "the sender " + ALICE.publicKey().address());
        assertReason(() -> TransactionRules.checkAlone(transfer(BOB, ALICE.publicKey().address(), 100, 10, 3), refusing),
                RejectionReason.REFUSED_ADDRESS, "the recipient " + ALICE.publicKey().address());
        assertThatCode(() -> TransactionRules.checkAlone(transfer(ALICE, BOB_ADDRESS, 100, 10, 3), open)).doesNotThrowAnyException();
    }

    @Test
    void t3_feeTooLow() {
        assertReason(() -> TransactionRules.checkAlone(transfer(ALICE, BOB_ADDRESS, 100, 9, 3), params()),
                RejectionReason.FEE_TOO_LOW, "below the minimum of 10");
    }

    @Test
    void t4_badSignature_tamperedAmount() throws Exception {
        Transaction signed = transfer(ALICE, BOB_ADDRESS, 100, 10, 3);
        Transaction tampered = Transaction.of(signed.chainId(), signed.type(), signed.sender(), signed.recipient(),
                1_000_000, signed.fee(), signed.nonce(), signed.payload(), signed.signature());
        assertReason(() -> TransactionRules.checkAlone(tampered, params()), RejectionReason.BAD_SIGNATURE, "does not verify");
    }

    @Test
    void t4_badSignature_signedByAnotherKey() throws Exception {
        Transaction byBob = transfer(BOB, BOB_ADDRESS, 100, 10, 3);
        Transaction claimed = Transaction.of(byBob.chainId(), byBob.type(), ALICE.publicKey(), byBob.recipient(),
                byBob.amount(), byBob.fee(), byBob.nonce(), byBob.payload(), byBob.signature());
        assertReason(() -> TransactionRules.checkAlone(claimed, params()), RejectionReason.BAD_SIGNATURE, "does not verify");
    }

    @Test
    void t6_nonceTooLow() {
        assertReason(() -> TransactionRules.checkAgainst(transfer(ALICE, BOB_ADDRESS, 100, 10, 2), FUNDED, 0, 0),
                RejectionReason.NONCE_TOO_LOW, "next nonce is 3");
    }

    @Test
    void t7_nonceTooHigh() {
        assertReason(() -> TransactionRules.checkAgainst(transfer(ALICE, BOB_ADDRESS, 100, 10, 4), FUNDED, 0, 0),
                RejectionReason.NONCE_TOO_HIGH, "ahead of the account's next nonce 3");
        assertThatCode(() -> TransactionRules.checkAgainst(transfer(ALICE, BOB_ADDRESS, 100, 10, 4), FUNDED, 16, 0))
                .doesNotThrowAnyException();
    }

    @Test
    void t8_insufficientBalance() {
        assertReason(() -> TransactionRules.checkAgainst(transfer(ALICE, BOB_ADDRESS, 991, 10, 3), FUNDED, 0, 0),
                RejectionReason.INSUFFICIENT_BALANCE, "amount plus fee is 1001 but the balance is 1000");
        assertReason(() -> TransactionRules.checkAgainst(transfer(ALICE, BOB_ADDRESS, 500, 10, 4), FUNDED, 16, 600),
                RejectionReason.INSUFFICIENT_BALANCE, "spent by earlier waiting transactions");
    }

    @Test
    void encodingRoundTripsAndTheIdCoversTheSignature() throws Exception {
        Transaction tx = transfer(ALICE, BOB_ADDRESS, 100, 10, 3);
        Transaction decoded = Transaction.decode(tx.encode());
        assertThat(decoded.id()).isEqualTo(tx.id());
        assertThat(decoded.hasValidSignature()).isTrue();
        assertThat(transfer(ALICE, BOB_ADDRESS, 100, 10, 4).id()).isNotEqualTo(tx.id());
    }

    private interface Check {
        void run() throws InvalidTransactionException;
    }

    private static void assertReason(Check check, RejectionReason reason, String message) {
        assertThatThrownBy(check::run)
                .isInstanceOfSatisfying(InvalidTransactionException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(message);
    }
}
