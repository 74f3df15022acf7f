package io.vantaechonebula.telemetry;

import java.math.BigDecimal;

/**
 * One validated telemetry sample. Metrics a contribution does not carry are null; a batch sample
 * carries them all, except {@code averageLatencyMs}, which is null while a node has no peers, and
 * {@code storageUsage}, which nodes built before it was measured do not send, and the sync status ({@code syncing},
 * {@code blocksBehind}), which a node sends when it syncs from peers.
 *
 * @param timestamp      epoch seconds as sent, fractions kept exactly
 * @param seq            the sender's sequence number, or null when it sent none
 * @param extensionsJson {@code transaction_analysis} and {@code ai_metrics} as a JSON object, or null
 */
public record TelemetrySample(
        String nodeId,
        String nodeType,
        String chainId,
        BigDecimal timestamp,
        Long seq,
        Long currentHeight,
        Long blocksProcessed,
        Long transactionCount,
        Double miningHashRate,
        Boolean syncing,
        Long blocksBehind,
        Long peerCount,
        Double averageLatencyMs,
        Double bandwidthUsage,
        Double connectionQuality,
        Double cpuUsage,
        Double memoryUsage,
        Double storageUsage,
        Double uptimeSeconds,
        String extensionsJson) {

    /**
     * What makes two deliveries the same sample for one node: the sequence number when the node
     * numbers its samples, otherwise the exact timestamp.
     */
    public String dedupKey() {
        return dedupKey(seq, timestamp);
    }

    public static String dedupKey(Long seq, BigDecimal timestamp) {
        return seq != null ? "seq:" + seq : "ts:" + timestamp.stripTrailingZeros().toPlainString();
    }

    public long timestampMillis() {
        return timestamp.movePointRight(3).longValue();
    }

}
