package io.vantaechonebula.pool.api;

import io.vantaechonebula.telemetry.TelemetrySample;
import java.math.BigDecimal;

/**
 * A stored sample as callers see it; {@code timestamp} is epoch seconds as the node sent it.
 *
 * @param verified whether it came signed by the key its node registered; an unverified sample could be anyone's
 */
public record SampleView(String nodeId, String nodeType, String chainId, BigDecimal timestamp, Long seq,
                         long receivedAtMs,
                         Long currentHeight, Long blocksProcessed, Long transactionCount, Double miningHashRate,
                         Boolean syncing, Long blocksBehind,
                         Long peerCount, Double averageLatencyMs, Double bandwidthUsage, Double connectionQuality,
                         Double cpuUsage, Double memoryUsage, Double storageUsage, Double uptimeSeconds,
                         String extensionsJson, boolean verified) {

    public static SampleView of(TelemetrySample s, long receivedAtMs, boolean verified) {
        return new SampleView(s.nodeId(), s.nodeType(), s.chainId(), s.timestamp(), s.seq(), receivedAtMs,
                s.currentHeight(), s.blocksProcessed(), s.transactionCount(), s.miningHashRate(), s.syncing(), s.blocksBehind(),
                s.peerCount(), s.averageLatencyMs(), s.bandwidthUsage(), s.connectionQuality(),
                s.cpuUsage(), s.memoryUsage(), s.storageUsage(), s.uptimeSeconds(), s.extensionsJson(), verified);
    }

    public long timestampMillis() {
        return timestamp.movePointRight(3).longValue();
    }

    /** What makes two samples of one node the same sample (docs/ingest.md). */
    public String dedupKey() {
        return TelemetrySample.dedupKey(seq, timestamp);
    }
}
