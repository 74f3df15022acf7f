package io.vantaechonebula.chain.pow;

import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.block.BlockTemplate;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One miner thread's work: searches nonces for a template in slices, moves its timestamp every two
 * seconds, takes a new template when the head changes (or the mempool, if the block has room), and
 * hands each block found to its target. Threads of one chain search interleaved nonces. While the
 * target holds it back, it checks again every second instead.
 */
public final class MiningLoop implements Runnable {

    static final long HASHES_PER_SLICE = 20_000;
    private static final long TEMPLATE_REFRESH_NANOS = 2_000_000_000L;
    private static final long HELD_BACK_PAUSE_MS = 1_000;
    private static final Logger LOG = Logger.getLogger(MiningLoop.class.getName());

    private final String chainName;
    private final MiningTarget target;
    private final long firstNonce;
    private final long step;
    private final BooleanSupplier running;

    public MiningLoop(String chainName, MiningTarget target, long firstNonce, long step, BooleanSupplier running) {
        this.chainName = chainName;
        this.target = target;
        this.firstNonce = firstNonce;
        this.step = step;
        this.running = running;
    }

    @Override
    public void run() {
        long nonce = firstNonce;
        while (running.getAsBoolean()) {
            try {
                if (target.holdBack().isPresent()) {
                    if (!pause(HELD_BACK_PAUSE_MS)) {
                        return;
                    }
                    continue;
                }
                long version = target.headVersion();
                long mempoolChanges = target.mempoolChanges();
                BlockTemplate template = target.template();
                boolean full = template.transactions().size() >= target.maxTransactionsPerBlock();
                long refreshAt = System.nanoTime() + TEMPLATE_REFRESH_NANOS;
                OptionalLong found = OptionalLong.empty();
                while (running.getAsBoolean() && found.isEmpty() && target.headVersion() == version) {
                    if (System.nanoTime() >= refreshAt) {
                        if ((!full && target.mempoolChanges() != mempoolChanges) || target.holdBack().isPresent()) {
                            break;
                        }
                        template = template.retimed(System.currentTimeMillis());
                        refreshAt = System.nanoTime() + TEMPLATE_REFRESH_NANOS;
                    }
                    found = ProofOfWork.search(template.header(), nonce, step, HASHES_PER_SLICE, () -> !running.getAsBoolean());
                    nonce += HASHES_PER_SLICE * step;
                    target.hashed(HASHES_PER_SLICE);
                }
                if (found.isPresent()) {
                    Block block = template.withNonce(found.getAsLong());
                    target.found(block);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Miner of " + chainName + " failed; retrying in a second", e);
                if (!pause(1_000)) {
                    return;
                }
            }
        }
    }

    /** Sleeps; false if interrupted, the thread's interrupt kept. */
    private static boolean pause(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
