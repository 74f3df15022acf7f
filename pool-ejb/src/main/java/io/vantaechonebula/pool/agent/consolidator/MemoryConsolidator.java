package io.vantaechonebula.pool.agent.consolidator;

import io.vantaechonebula.analysis.stats.ValueSummary;
import io.vantaechonebula.pool.api.Resolution;
import io.vantaechonebula.pool.api.SampleView;
import io.vantaechonebula.pool.stage.SampleMetric;
import io.vantaechonebula.pool.stage.SampleProcessor;
import io.vantaechonebula.pool.stage.StageResult;
import io.vantaechonebula.pool.stage.Statistics;
import io.vantaechonebula.pool.store.StoredSample;
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
public final class MemoryConsolidator implements SampleProcessor<MemoryConsolidator.Result> {

    public static final String NAME = "memory-consolidator";
    private static final JsonProvider JSON = JsonProvider.provider();

    /** How many samples the run rolled up into how many node, chain, resolution and bucket combinations. */
    public record Result(int samples, int buckets) implements StageResult {

        @Override
        public JsonObject json() {
            return JSON.createObjectBuilder().add("samples", samples).add("buckets", buckets).build();
        }
    }

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
    public Result process(List<StoredSample> samples, Statistics statistics) {
        Map<Bucket, ValueSummary> gathered = new HashMap<>();
        Set<String> buckets = new HashSet<>();
        for (StoredSample stored : samples) {
            SampleView sample = stored.sample();
            long at = sample.timestampMillis();
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
        return new Result(samples.size(), buckets.size());
    }

    private static void gather(Map<Bucket, ValueSummary> gathered, SampleView sample, Resolution resolution, long start,
                               String metric, OptionalDouble value, long at) {
        if (value.isPresent()) {
            gathered.computeIfAbsent(new Bucket(sample.nodeId(), sample.chainId(), resolution, start, metric),
                    bucket -> new ValueSummary()).add(value.getAsDouble(), at);
        }
    }

    private static OptionalDouble value(Number number) {
        return number == null ? OptionalDouble.empty() : OptionalDouble.of(number.doubleValue());
    }
}
