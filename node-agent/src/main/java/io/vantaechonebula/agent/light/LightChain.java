package io.vantaechonebula.agent.light;

import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.finality.SignedVotes;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.node.running.InTransaction;
import io.vantaechonebula.node.running.RunningChain;
import io.vantaechonebula.telemetry.BlockRecord;
import io.vantaechonebula.telemetry.RefusedForks;
import io.vantaechonebula.telemetry.collector.ChainReading;
import java.util.Optional;
import java.util.logging.Level;

/** One chain in a light node: the running chain on the node's store, and the counts telemetry reports of it. */
final class LightChain {

    static final int MEMPOOL_CAPACITY = 10_000;
    static final long ROUND_TIMEOUT_MS = 10_000;

    private final RunningChain chain;
    private long lastReadBlocks;
    /** The head's height at the previous reading; -1 until the first, which reports no blocks. */
    private long lastReadHeight = -1;
    private long lastReadTransactions;

    /**
     * @param key    the node key: its address gets the mining rewards, and it votes once it stakes (§8.2)
     * @param signed where the key's votes are recorded before they are sent (FN7)
     * @param maxReorgDepth how deep below the head a side block is kept (F6)
     */
    LightChain(ChainParams params, MvChainStore store, Ed25519PrivateKey key, SignedVotes signed, int maxReorgDepth) {
        // The store commits each change itself; imports are logged only when asked for, a sync takes thousands.
        this.chain = new RunningChain(params, store, accounts -> accounts::account, MEMPOOL_CAPACITY, maxReorgDepth,
                InTransaction.NONE, Optional.of(key), signed, ROUND_TIMEOUT_MS, Level.FINE);
    }

    RunningChain chain() {
        return chain;
    }

    ChainParams params() {
        return chain.params();
    }

    /** What the chain did since the last reading, for telemetry. */
    synchronized ChainReading read() {
        long blocks = chain.blocksImported();
        long transactions = chain.transactionsImported();
        long height = chain.head().height();
        ChainReading reading = new ChainReading(chain.params().name(), height, blocks - lastReadBlocks,
                transactions - lastReadTransactions, chain.hashRate().perSecond())
                .withRefusedForks(chain.refusedSideBlocksSinceLastReading()
                        .map(refused -> new RefusedForks(refused.blocks(), refused.lastHeight(), refused.lastReason())));
        if (lastReadHeight >= 0 && height > lastReadHeight) {
            reading = reading.withBlocks(BlockRecord.between(lastReadHeight, height, chain::blockAt));
        }
        lastReadHeight = height;
        lastReadBlocks = blocks;
        lastReadTransactions = transactions;
        return reading;
    }
}
