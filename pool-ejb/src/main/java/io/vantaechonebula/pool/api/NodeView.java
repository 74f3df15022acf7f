package io.vantaechonebula.pool.api;

/**
 * A node as the pool knows it; times are epoch milliseconds.
 *
 * @param droppedReported samples the node says its buffer dropped since it started; null until it says
 * @param verified whether its newest payload came signed by its registered key (else it is unverified: anyone
 *                 could have sent it in its name)
 */
public record NodeView(String nodeId, String nodeType, String chainId,
                       long firstSeenMs, long lastSampleMs, long lastReceivedMs, long samplesStored,
                       Long droppedReported, boolean verified) {
}
