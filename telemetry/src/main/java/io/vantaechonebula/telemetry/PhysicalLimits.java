package io.vantaechonebula.telemetry;

/**
 * The largest value each telemetry metric can physically take. A value above it is a unit error or
 * an attack, never a measurement, and is refused at the door: the pool's statistics add and square
 * these values, and a sum must stay a finite number all the way to the JSON of a stage's result.
 * docs/ingest.md lists them.
 */
public final class PhysicalLimits {

    /** A block a millisecond for thirty years. */
    public static final long HEIGHT = 1_000_000_000_000L;
    /** Blocks one node takes in one sampling interval, a resync included. */
    public static final long BLOCKS_PER_INTERVAL = 1_000_000L;
    /** Transactions a node counts, since it started or in an interval. */
    public static final long TRANSACTIONS = 1_000_000_000_000_000L;
    /** Peers of one node. */
    public static final long PEERS = 1_000_000L;
    /** Hashes a second: a thousand times the largest proof-of-work network so far. */
    public static final double HASH_RATE = 1e24;
    /** Milliseconds: a day. */
    public static final double LATENCY_MS = 86_400_000d;
    /** Bytes a second: a petabyte. */
    public static final double BANDWIDTH = 1e15;
    /** Seconds: a century. */
    public static final double UPTIME_SECONDS = 3_155_760_000d;
    /** Expected hashes per block: a billion times a year of {@link #HASH_RATE}. */
    public static final double DIFFICULTY = 1e40;
    /** Coins a block's transfers move or pay in fees, in the chain's smallest unit. */
    public static final long AMOUNT = Long.MAX_VALUE / 1024;
    /** Transactions in one block. */
    public static final long BLOCK_TRANSACTIONS = 100_000_000L;
    /** A time in epoch milliseconds: the year 2200. */
    public static final long EPOCH_MILLIS = 7_258_118_400_000L;
    /** A block's time since its parent, either way, in milliseconds: a year. */
    public static final long BLOCK_INTERVAL_MS = 31_557_600_000L;

    private PhysicalLimits() {
    }
}
