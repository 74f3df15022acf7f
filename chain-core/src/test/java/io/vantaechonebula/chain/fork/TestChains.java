package io.vantaechonebula.chain.fork;

import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.block.BlockTemplate;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.chain.params.StakeParams;
import io.vantaechonebula.chain.pow.ProofOfWork;
import io.vantaechonebula.chain.tx.Transaction;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

/** Chains for tests: easy proof of work (about two hashes a block), known keys, a clock the test moves. */
public final class TestChains {

    public static final long GENESIS_TIME = 1_760_000_000_000L;
    public static final long BLOCK_TIME = 5_000;
    public static final Ed25519PrivateKey ALICE = Ed25519PrivateKey.generate(new SecureRandom());
    public static final Ed25519PrivateKey BOB = Ed25519PrivateKey.generate(new SecureRandom());
    public static final Address MINER_X = Ed25519PrivateKey.generate(new SecureRandom()).publicKey().address();
    public static final Address MINER_Y = Ed25519PrivateKey.generate(new SecureRandom()).publicKey().address();
    public static final long ALICE_FUNDS = 1_000_000;
    public static final long REWARD = 1_000;
    public static final long MIN_FEE = 10;
    /** A minimum stake of 10,000 units, exits locked for 5 blocks, 10 % of a slashed stake to the reporter. */
    public static final StakeParams STAKING = new StakeParams(10_000, 5, 10, 2);

    private TestChains() {
    }

    public static ChainParams params() {
        return params("vanta-test-1");
    }

    public static ChainParams params(String chainId) {
        BigInteger easy = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE);
        return new ChainParams("testnet", chainId, BLOCK_TIME, 8 * BLOCK_TIME, 6 * BLOCK_TIME, 3 * BLOCK_TIME,
                easy, easy, GENESIS_TIME, REWARD, MIN_FEE, 100, 16, Map.of(ALICE.publicKey().address(), ALICE_FUNDS),
                STAKING);
    }

    public static Block mine(BlockTemplate template) {
        long nonce = ProofOfWork.search(template.header(), 0, 1, 10_000, () -> false)
                .orElseThrow(() -> new IllegalStateException("no nonce found in 10,000 tries at an easy target"));
        return template.withNonce(nonce);
    }

    /** Mines one block on the chain's head at {@code time} with the given transactions, and imports it. */
    public static Block mineOn(Blockchain chain, Address miner, long time, List<Transaction> transactions) {
        Block block = mine(chain.template(transactions, miner, time));
        ImportResult result = chain.importBlock(block, time);
        if (!(result instanceof ImportResult.Extended)) {
            throw new IllegalStateException("mined block was not accepted: " + result);
        }
        return block;
    }

    public static Transaction transfer(Ed25519PrivateKey from, Address to, long amount, long fee, long nonce) {
        return Transaction.transfer(from, params().chainId(), to, amount, fee, nonce);
    }
}
