package io.vantaechonebula.chain.store;

import io.vantaechonebula.chain.block.Block;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recently decoded blocks, least recently used first out, bounded by the transactions they hold
 * rather than their number: a few full blocks weigh more than many empty ones. Stores keep one so
 * that walking back over recent blocks (the median time of the last eleven, a reorganisation) does not
 * decode them again. The newest block is always kept, however heavy: dropping it had each reader of a
 * large block (the import's checks, the walk back over recent blocks) decode a copy of its own.
 */
public final class DecodedBlocks {

    private final int maxTransactions;
    private final LinkedHashMap<String, Block> blocks = new LinkedHashMap<>(64, 0.75f, true);
    private long transactions;

    public DecodedBlocks(int maxTransactions) {
        this.maxTransactions = maxTransactions;
    }

    public synchronized Block get(String hash) {
        return blocks.get(hash);
    }

    public synchronized void put(String hash, Block block) {
        Block previous = blocks.put(hash, block);
        transactions += weight(block) - (previous == null ? 0 : weight(previous));
        Iterator<Map.Entry<String, Block>> eldest = blocks.entrySet().iterator();
        while (transactions > maxTransactions && blocks.size() > 1 && eldest.hasNext()) {
            transactions -= weight(eldest.next().getValue());
            eldest.remove();
        }
    }

    private static long weight(Block block) {
        return 1 + block.transactions().size();
    }
}
