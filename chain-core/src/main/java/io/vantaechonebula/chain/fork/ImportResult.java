package io.vantaechonebula.chain.fork;

import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.tx.Transaction;
import java.util.List;

/** What importing a block did. */
public sealed interface ImportResult {

    /** The block extends the main chain and is its new head. */
    record Extended(Hash hash, long height) implements ImportResult {
    }

    /**
     * The block's branch has more work: the main chain now ends in it; {@code depth} blocks left
     * the main chain, and {@code orphaned} are their transactions that the new branch does not carry.
     */
    record Reorganized(Hash hash, long height, long depth, Hash forkPoint, List<Transaction> orphaned)
            implements ImportResult {
    }

    /** Stored on a side chain with no more work than the main chain. */
    record SideChain(Hash hash, long height) implements ImportResult {
    }

    /** Known already; nothing changed. */
    record AlreadyKnown(Hash hash) implements ImportResult {
    }

    /** Its parent is unknown; the caller should fetch the parent first. */
    record Orphan(Hash hash, Hash missingParent) implements ImportResult {
    }

    /** Not stored, and nobody's fault: a side block too deep below the head or the final block to matter (F6). */
    record Refused(Hash hash, String reason) implements ImportResult {
    }

    /** It breaks a rule; the reason says which. */
    record Invalid(Hash hash, String reason) implements ImportResult {
    }
}
