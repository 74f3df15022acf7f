package io.vantaechonebula.pool.store;

/** A node as the pool knows it; times are epoch milliseconds. */
public record NodeView(String nodeId, String nodeType, String chainId,
                       long firstSeenMs, long lastSampleMs, long lastReceivedMs, long samplesStored) {
}
