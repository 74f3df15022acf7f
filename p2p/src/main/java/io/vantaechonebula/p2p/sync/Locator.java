package io.vantaechonebula.p2p.sync;

import io.vantaechonebula.chain.crypto.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * A block locator (docs/p2p-spec.md §4): hashes of the main chain going back from the head, the
 * last {@value #DENSE} one by one and then at doubling steps down to genesis, so that a peer finds
 * the last block both have in one answer however far the chains have forked.
 */
public final class Locator {

    static final int DENSE = 10;
    /** The most hashes a locator may hold: dense ones, one per doubling step over 2^62 blocks, and genesis. */
    public static final int MAX_HASHES = DENSE + 64;

    private Locator() {
    }

    /** The heights a locator from {@code head} names, highest first, ending at 0. */
    static List<Long> heights(long head) {
        List<Long> heights = new ArrayList<>();
        long step = 1;
        for (long height = head; height > 0; height -= step) {
            heights.add(height);
            if (heights.size() >= DENSE) {
                step *= 2;
            }
        }
        heights.add(0L);
        return heights;
    }

    public static List<Hash> of(long head, LongFunction<Optional<Hash>> mainChainHash) {
        List<Hash> hashes = new ArrayList<>();
        for (long height : heights(head)) {
            mainChainHash.apply(height).ifPresent(hashes::add);
        }
        return hashes;
    }
}
