package io.vantaechonebula.pool.consolidation;

import io.vantaechonebula.pool.processing.SampleMetric;
import io.vantaechonebula.pool.processing.SampleProcessor;
import io.vantaechonebula.pool.processing.Statistics;
import io.vantaechonebula.pool.store.SampleView;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rolls each stored sample into its node's minute and hour aggregates, metric by metric, once:
 * it runs as a stage of the pipeline, so a batch is consolidated exactly when it leaves this
 * stage's backlog. Raw samples are pruned only after that.
 */
public final class MemoryConsolidator implements SampleProcessor {

    public static final String NAME = "consolidation";
    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean feedsTraining() {
        return false;
    }

    @Override
    public JsonObject process(List<SampleView> samples, Statistics statistics) {
        Set<String> buckets = new HashSet<>();
        for (SampleView sample : samples) {
            long at = sample.timestamp().movePointRight(3).longValue();
            for (Resolution resolution : Resolution.values()) {
                long bucket = resolution.bucketStart(at);
                buckets.add(sample.nodeId() + "/" + sample.chainId() + "/" + resolution.id() + "/" + bucket);
                for (SampleMetric metric : SampleMetric.values()) {
                    metric.of(sample).ifPresent(value -> statistics.aggregate(sample.nodeId(), sample.chainId(), resolution,
                            bucket, metric.id()).add(value, at));
                }
                if (sample.currentHeight() != null) {
                    statistics.aggregate(sample.nodeId(), sample.chainId(), resolution, bucket, "current_height")
                            .add(sample.currentHeight(), at);
                }
                if (sample.uptimeSeconds() != null) {
                    statistics.aggregate(sample.nodeId(), sample.chainId(), resolution, bucket, "uptime")
                            .add(sample.uptimeSeconds(), at);
                }
            }
        }
        return JSON.createObjectBuilder().add("samples", samples.size()).add("buckets", buckets.size()).build();
    }
}
