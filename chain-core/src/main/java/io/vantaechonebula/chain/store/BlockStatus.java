package io.vantaechonebula.chain.store;

/** What is known of a stored block beyond its header and proof of work, which every stored block has passed. */
public enum BlockStatus {
    /** Its transactions have been applied without fault: it is or was on the main chain. */
    VALID,
    /** On a side chain with less work; its transactions have not been applied yet. */
    UNVALIDATED,
    /** It, or an ancestor, broke a rule when applied; it and its descendants are never connected. */
    INVALID
}
