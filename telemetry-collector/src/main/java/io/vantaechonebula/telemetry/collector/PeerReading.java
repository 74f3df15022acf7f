package io.vantaechonebula.telemetry.collector;

/** How many peers a node has, and the average latency to them (null without peers). */
public record PeerReading(long peers, Double averageLatencyMs) {

    /** A node that is not connected to a network. */
    public static final PeerReading NONE = new PeerReading(0, null);
}
