package io.vantaechonebula.node.telemetry;

import io.vantaechonebula.node.chain.ChainActivity;
import io.vantaechonebula.telemetry.collector.ChainReading;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns the chains' counts since start into readings of the interval: blocks and transactions
 * imported since the previous reading. The first reading covers the time since this reader began.
 */
final class ChainActivityReader {

    private final Supplier<List<ChainActivity>> chains;
    private final Map<String, ChainActivity> previous = new HashMap<>();

    ChainActivityReader(Supplier<List<ChainActivity>> chains) {
        this.chains = chains;
        chains.get().forEach(chain -> previous.put(chain.chain(), chain));
    }

    synchronized List<ChainReading> read() {
        List<ChainReading> readings = new ArrayList<>();
        for (ChainActivity now : chains.get()) {
            ChainActivity before = previous.getOrDefault(now.chain(), now);
            previous.put(now.chain(), now);
            readings.add(new ChainReading(now.chain(), now.height(), now.blocksImported() - before.blocksImported(),
                    now.transactionsImported() - before.transactionsImported(), now.hashRate()));
        }
        return readings;
    }
}
