package io.vantaechonebula.node.telemetry;

import io.vantaechonebula.node.chain.ChainActivity;
import io.vantaechonebula.telemetry.BlockRecord;
import io.vantaechonebula.telemetry.RefusedForks;
import io.vantaechonebula.telemetry.collector.ChainReading;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns the chains' counts since start into readings of the interval: blocks and transactions
 * imported since the previous reading, and the main chain's blocks above the previous reading's height.
 * The first reading covers the time since this reader began.
 */
final class ChainActivityReader {

    private final Supplier<List<ChainActivity>> chains;
    private final BlockSource blocks;
    private final Function<String, Optional<RefusedForks>> refusedForks;
    private final Map<String, ChainActivity> previous = new HashMap<>();

    /** The main chain's blocks of a chain (by name) above one height up to another. */
    interface BlockSource {
        List<BlockRecord> between(String chain, long afterHeight, long height);
    }

    /** @param refusedForks the side blocks a chain (by name) refused since the previous call (F6) */
    ChainActivityReader(Supplier<List<ChainActivity>> chains, BlockSource blocks,
                        Function<String, Optional<RefusedForks>> refusedForks) {
        this.chains = chains;
        this.blocks = blocks;
        this.refusedForks = refusedForks;
        chains.get().forEach(chain -> previous.put(chain.chain(), chain));
    }

    synchronized List<ChainReading> read() {
        List<ChainReading> readings = new ArrayList<>();
        for (ChainActivity now : chains.get()) {
            ChainActivity before = previous.getOrDefault(now.chain(), now);
            previous.put(now.chain(), now);
            ChainReading reading = new ChainReading(now.chain(), now.height(), now.blocksImported() - before.blocksImported(),
                    now.transactionsImported() - before.transactionsImported(), now.hashRate())
                    .withRefusedForks(refusedForks.apply(now.chain()));
            readings.add(now.height() > before.height()
                    ? reading.withBlocks(blocks.between(now.chain(), before.height(), now.height()))
                    : reading);
        }
        return readings;
    }
}
