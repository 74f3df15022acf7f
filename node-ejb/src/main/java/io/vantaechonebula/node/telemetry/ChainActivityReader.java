package io.vantaechonebula.node.telemetry;

import io.vantaechonebula.chain.store.StoredBlock;
import io.vantaechonebula.node.chain.ChainActivity;
import io.vantaechonebula.telemetry.collector.BlockRecord;
import io.vantaechonebula.telemetry.collector.ChainReading;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Turns the chains' counts since start into readings of the interval: blocks and transactions
 * imported since the previous reading, and the main chain's blocks above the previous reading's height.
 * The first reading covers the time since this reader began.
 */
final class ChainActivityReader {

    private final Supplier<List<ChainActivity>> chains;
    private final Function<String, LongFunction<Optional<StoredBlock>>> blocksOf;
    private final Map<String, ChainActivity> previous = new HashMap<>();

    /** @param blocksOf per chain name, its main-chain block at a height */
    ChainActivityReader(Supplier<List<ChainActivity>> chains, Function<String, LongFunction<Optional<StoredBlock>>> blocksOf) {
        this.chains = chains;
        this.blocksOf = blocksOf;
        chains.get().forEach(chain -> previous.put(chain.chain(), chain));
    }

    synchronized List<ChainReading> read() {
        List<ChainReading> readings = new ArrayList<>();
        for (ChainActivity now : chains.get()) {
            ChainActivity before = previous.getOrDefault(now.chain(), now);
            previous.put(now.chain(), now);
            ChainReading reading = new ChainReading(now.chain(), now.height(), now.blocksImported() - before.blocksImported(),
                    now.transactionsImported() - before.transactionsImported(), now.hashRate());
            readings.add(now.height() > before.height()
                    ? reading.withBlocks(BlockRecord.between(before.height(), now.height(), blocksOf.apply(now.chain())))
                    : reading);
        }
        return readings;
    }
}
