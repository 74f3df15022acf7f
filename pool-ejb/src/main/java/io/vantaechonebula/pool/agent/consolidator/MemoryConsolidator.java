package io.vantaechonebula.pool.agent.consolidator;

import io.vantaechonebula.pool.api.Resolution;
import io.vantaechonebula.pool.stage.SampleMetric;
import io.vantaechonebula.pool.stage.SampleProcessor;
import io.vantaechonebula.pool.stage.Statistics;
import io.vantaechonebula.pool.api.SampleView;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Rolls each stored sample into its node's minute and hour aggregates, metric by metric, once:
 * it runs as a stage of the pipeline, so a batch is consolidated exactly when it leaves this
 * stage's backlog. Raw samples are pruned only after that. A batch's values are gathered per
 * bucket first, so each stored aggregate changes once per batch.
 */
public final class MemoryConsolidator implements SampleProcessor {

    public static final String NAME = "memory-consolidator";
    private static final JsonProvider JSON = JsonProvider.provider();

    private record Bucket(String nodeId, String chainId, Resolution resolution, long startMs, String metric) {
    }

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
        Map<Bucket, BucketValues> gathered = new HashMap<>();
        Set<String> buckets = new HashSet<>();
        for (SampleView sample : samples) {
            long at = sample.timestamp().movePointRight(3).longValue();
            for (Resolution resolution : Resolution.values()) {
                long start = resolution.bucketStart(at);
                buckets.add(sample.nodeId() + "/" + sample.chainId() + "/" + resolution.id() + "/" + start);
                for (SampleMetric metric : SampleMetric.values()) {
                    gather(gathered, sample, resolution, start, metric.id(), metric.of(sample), at);
                }
                gather(gathered, sample, resolution, start, "current_height", value(sample.currentHeight()), at);
                gather(gathered, sample, resolution, start, "uptime", value(sample.uptimeSeconds()), at);
            }
        }
        gathered.forEach((bucket, values) -> statistics.aggregate(bucket.nodeId(), bucket.chainId(), bucket.resolution(),
                bucket.startMs(), bucket.metric()).merge(values));
        return JSON.createObjectBuilder().add("samples", samples.size()).add("buckets", buckets.size()).build();
    }

    private static void gather(Map<Bucket, BucketValues> gathered, SampleView sample, Resolution resolution, long start,
                               String metric, OptionalDouble value, long at) {
        if (value.isPresent()) {
            gathered.computeIfAbsent(new Bucket(sample.nodeId(), sample.chainId(), resolution, start, metric),
                    bucket -> new BucketValues()).add(value.getAsDouble(), at);
        }
    }

    private static OptionalDouble value(Number number) {
        return number == null ? OptionalDouble.empty() : OptionalDouble.of(number.doubleValue());
    }
}
