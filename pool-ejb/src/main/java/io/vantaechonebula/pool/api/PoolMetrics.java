package io.vantaechonebula.pool.api;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * The pool's metrics, in Prometheus' registry of the application ({@code /metrics} writes it out). Ours
 * rather than MicroProfile Metrics because WildFly no longer has MicroProfile Metrics, and the same names
 * on every server let one dashboard read either.
 */
public final class PoolMetrics {

    public static final Counter INGEST_SAMPLES_ACCEPTED = Counter.builder()
            .name("vanta_ingest_samples_accepted")
            .help("Samples accepted over HTTP ingest (answered 202)")
            .register();
    public static final Counter INGEST_REQUESTS = Counter.builder()
            .name("vanta_ingest_requests")
            .help("HTTP ingest requests by outcome: accepted, invalid, too_large, rate_limited, unverified, full, unavailable")
            .labelNames("outcome")
            .register();
    public static final Histogram INGEST_REQUEST_DURATION = Histogram.builder()
            .name("vanta_ingest_request_duration")
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
            .help("Batches a processor set aside as dead after failing alone")
            .labelNames("processor")
            .register();
    public static final Counter PROCESSOR_BATCHES = Counter.builder()
            .name("vanta_pool_processor_batches")
            .help("Batches each processor went through")
            .labelNames("processor")
            .register();
    public static final Counter PROCESSOR_FAILURES = Counter.builder()
            .name("vanta_pool_processor_failures")
            .help("Failed runs of each processor or watch")
            .labelNames("processor")
            .register();

    public static final Counter AGENT_PROCESSED = Counter.builder()
            .name("vanta_agent_processed")
            .help("Items each agent processed")
            .labelNames("agent")
            .register();
    public static final Counter AGENT_FAILURES = Counter.builder()
            .name("vanta_agent_failures")
            .help("Failed runs of each agent")
            .labelNames("agent")
            .register();
    public static final Histogram AGENT_RUN = Histogram.builder()
            .name("vanta_agent_run")
            .help("Time of each agent's runs")
            .unit(Unit.SECONDS)
            .labelNames("agent")
            .classicOnly()
            .register();

    private PoolMetrics() {
    }
}
