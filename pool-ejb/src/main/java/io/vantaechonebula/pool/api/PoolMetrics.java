package io.vantaechonebula.pool.api;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.List;

/**
 * The pool's and the agents' counters, in Prometheus' registry of the application ({@code /metrics} writes it out, with
 * the figures read at each scrape; docs/metrics.md lists them all). Ours
 * rather than MicroProfile Metrics because WildFly no longer has MicroProfile Metrics, and the same names
 * on every server let one dashboard read either.
 */
public final class PoolMetrics {

    public static final Counter INGEST_SAMPLES_ACCEPTED = Counter.builder()
            .name("vanta_pool_ingest_samples_accepted")
            .help("Samples accepted over HTTP ingest (answered 202)")
            .register();
    public static final Counter INGEST_REQUESTS = Counter.builder()
            .name("vanta_pool_ingest_requests")
            .help("HTTP ingest requests by outcome: accepted, invalid, too_large, rate_limited, unverified, full, unavailable")
            .labelNames("outcome")
            .register();
    public static final Histogram INGEST_REQUEST_DURATION = Histogram.builder()
            .name("vanta_pool_ingest_request_duration_seconds")
            .help("Time to answer an HTTP ingest request")
            .unit(Unit.SECONDS)
            .classicOnly()
            .register();

    public static final Counter SAMPLES_STORED = Counter.builder()
            .name("vanta_pool_samples_stored")
            .help("Samples stored by the pool's intake, from HTTP and JMS")
            .register();
    public static final Counter SAMPLES_DUPLICATE = Counter.builder()
            .name("vanta_pool_samples_duplicate")
            .help("Samples the intake had stored before and left out")
            .register();
    public static final Counter DEAD_LETTERS = Counter.builder()
            .name("vanta_pool_dead_letters")
            .help("Messages moved to the dead-letter queue NodeDataDLQ as never storable")
            .register();
    public static final Counter MESSAGES_ROLLED_BACK = Counter.builder()
            .name("vanta_pool_messages_rolled_back")
            .help("Messages whose intake failed and that the broker delivers again")
            .register();
    public static final Counter SENDERS_REFUSED = Counter.builder()
            .name("vanta_pool_senders_refused")
            .help("Messages refused for their sender (a banned or unverifiable node)")
            .register();
    public static final Counter DEAD_BATCHES = Counter.builder()
            .name("vanta_pool_dead_batches")
            .help("Batches a stage (a processor of GET /api/v1/pool/stats) set aside as dead after failing alone")
            .labelNames("stage")
            .register();
    public static final Counter PROCESSOR_BATCHES = Counter.builder()
            .name("vanta_pool_stage_batches")
            .help("Batches each stage went through")
            .labelNames("stage")
            .register();
    public static final Counter PROCESSOR_FAILURES = Counter.builder()
            .name("vanta_pool_stage_failures")
            .help("Failed runs of each stage or watch")
            .labelNames("stage")
            .register();

    public static final Counter AGENT_PROCESSED = Counter.builder()
            .name("vanta_agents_processed")
            .help("Items each agent processed")
            .labelNames("agent")
            .register();
    public static final Counter AGENT_FAILURES = Counter.builder()
            .name("vanta_agents_failures")
            .help("Failed runs of each agent")
            .labelNames("agent")
            .register();
    public static final Histogram AGENT_RUN = Histogram.builder()
            .name("vanta_agents_run_duration_seconds")
            .help("Time of each agent's runs; its count is the runs")
            .unit(Unit.SECONDS)
            .labelNames("agent")
            .classicOnly()
            .register();

    /** What {@link #INGEST_REQUESTS} counts by; each is shown from the start, at 0 until it happens. */
    public static final List<String> INGEST_OUTCOMES =
            List.of("accepted", "invalid", "too_large", "rate_limited", "unverified", "full", "unavailable");

    static {
        INGEST_OUTCOMES.forEach(INGEST_REQUESTS::labelValues);
        for (Agent agent : Agent.values()) {
            AGENT_PROCESSED.labelValues(agent.id());
            AGENT_FAILURES.labelValues(agent.id());
        }
    }

    private PoolMetrics() {
    }

    /** Shows a stage's counters from the start, at 0, so that a rate or an alert on them has a series to read. */
    public static void expectStage(String stage) {
        PROCESSOR_BATCHES.labelValues(stage);
        PROCESSOR_FAILURES.labelValues(stage);
        DEAD_BATCHES.labelValues(stage);
    }

    /** Shows a watch's failures from the start, at 0. */
    public static void expectWatch(String watch) {
        PROCESSOR_FAILURES.labelValues(watch);
    }
}
