package io.vantaechonebula.pool.stage;

import static io.vantaechonebula.pool.stage.Samples.block;
import static io.vantaechonebula.pool.stage.Samples.withBlocks;

import io.vantaechonebula.pool.agent.blockdata.BlockDataProcessor;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * A chain's blocks as nodes report them, put through the real Block Data Processor: what a learner
 * gets from the Training queue. One block per sample, one sample per result.
 */
public final class ChainStream {

    public static final long START_MS = 1_763_800_000_000L;

    private final String chain;
    private final MemoryStatistics stage = new MemoryStatistics();
    private final BlockDataProcessor processor = new BlockDataProcessor();
    private long height;
    private long timeMs = START_MS;
    private int index;

    public ChainStream(String chain) {
        this.chain = chain;
    }

    /** The next block's result: mined by {@code miner} {@code intervalMs} after its parent, with the nodes' hash rate. */
    public JsonObject next(String miner, long intervalMs, int transactions, long fees, double hashRate) {
        height++;
        timeMs += intervalMs;
        index++;
        return processor.process(Samples.stored(List.of(withBlocks("node-1", chain, index, hashRate,
                block(height, miner, timeMs, transactions, fees, height == 1 ? null : intervalMs)))), stage).json();
    }

    public long height() {
        return height;
    }

    public long timeMs() {
        return timeMs;
    }
}
