package io.vantaechonebula.pool.store;

import java.math.BigDecimal;

/** A stored sample as callers see it; {@code timestamp} is epoch seconds as the node sent it. */
public record SampleView(String nodeId, String nodeType, String chainId, BigDecimal timestamp, Long seq,
                         long receivedAtMs,
                         Long currentHeight, Long blocksProcessed, Long transactionCount, Double miningHashRate,
                         Long peerCount, Double averageLatencyMs, Double bandwidthUsage, Double connectionQuality,
                         Double cpuUsage, Double memoryUsage, Double uptimeSeconds, String extensionsJson) {
}
