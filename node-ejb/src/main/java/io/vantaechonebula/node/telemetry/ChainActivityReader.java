package io.vantaechonebula.node.telemetry;

import io.vantaechonebula.node.chain.ChainService;
import io.vantaechonebula.telemetry.collector.ChainReading;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads each chain of the node: its height, and the blocks and transactions it imported since the
 * previous reading (the chains count them from start; this keeps the last count per chain).
 */
final class ChainActivityReader {

    private record Counts(long blocks, long transactions) {
    }

    private final Iterable<ChainService> chains;
    private final Map<String, Counts> previous = new HashMap<>();

    ChainActivityReader(Iterable<ChainService> chains) {
        this.chains = chains;
        for (ChainService chain : chains) {
            previous.put(chain.params().name(), new Counts(chain.blocksImported(), chain.transactionsImported()));
        }
    }

    synchronized List<ChainReading> read() {
        List<ChainReading> readings = new ArrayList<>();
        for (ChainService chain : chains) {
            String name = chain.params().name();
            Counts now = new Counts(chain.blocksImported(), chain.transactionsImported());
            Counts before = previous.getOrDefault(name, now);
            previous.put(name, now);
            readings.add(new ChainReading(name, chain.head().height(), now.blocks() - before.blocks(),
                    now.transactions() - before.transactions(), chain.hashRate().perSecond()));
        }
        return readings;
    }
}
