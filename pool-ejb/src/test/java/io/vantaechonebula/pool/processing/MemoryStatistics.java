package io.vantaechonebula.pool.processing;

import java.util.HashMap;
import java.util.Map;

/** Statistics in a map, as the database keeps them, for processors under test. */
final class MemoryStatistics implements Statistics {

    private final String processor;
    private final Map<String, RollingStatistic> series = new HashMap<>();
    private final Map<String, PairStatistic> pairs = new HashMap<>();

    MemoryStatistics(String processor) {
        this.processor = processor;
    }

    @Override
    public RollingStatistic series(String subject, String name) {
        return series.computeIfAbsent(subject + "|" + name, key -> new RollingStatistic(processor, subject, name));
    }

    @Override
    public PairStatistic pair(String subject, String name) {
        return pairs.computeIfAbsent(subject + "|" + name, key -> new PairStatistic(processor, subject, name));
    }
}
