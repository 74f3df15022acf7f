package io.vantaechonebula.pool.api;

import java.util.Locale;
import java.util.Optional;

/**
 * The twelve agents of a full node (docs/agents.md): each a named component with one job. An agent's
 * {@link #id()} is the name its statistics, models, findings and metrics are kept under.
 */
public enum Agent {
    BLOCK_DATA_PROCESSOR("Block Data Processor", Layer.AGGREGATION,
            "per chain: tip, blocks and transactions per sample; per node and chain: height, lag, hash rate"),
    TRANSACTION_ANALYZER("Transaction Analyzer", Layer.AGGREGATION,
            "per-transaction features and anomaly scores from the nodes' analyzers; double spends and sender bursts"),
    NETWORK_MONITOR("Network Monitor", Layer.AGGREGATION,
            "liveness, latency and peers per node; silent, lagging, isolated and badly connected nodes"),
    DATA_STREAM_PROCESSOR("Data Stream Processor", Layer.POOL,
            "validation, normalisation, de-duplication and storage of every sample that arrives"),
    PATTERN_RECOGNIZER("Pattern Recognizer", Layer.POOL,
            "a streaming anomaly detector on every metric stream of every node and chain"),
    INTELLIGENCE_SYNTHESIZER("Intelligence Synthesizer", Layer.POOL,
            "correlates the agents' alerts into insights with their evidence"),
    LEARNING_ENGINE("Learning Engine", Layer.POOL,
            "takes the stages' results off the Training queue in batches of up to 20 every 10 s and trains the models"),
    MEMORY_CONSOLIDATOR("Memory Consolidator", Layer.POOL,
            "downsamples raw telemetry into minute and hour aggregates"),
    DECISION_OPTIMIZER("Decision Optimizer", Layer.POOL,
            "turns alerts and insights into recommendations"),
    ARCHIVIST("Archivist", Layer.TRAINING,
            "per-chain models of block interval, volume and fees; testnet against mainnet"),
    RESONANT("Resonant", Layer.TRAINING,
            "per-node baselines, load models and health scores"),
    ANALYST("Analyst", Layer.TRAINING,
            "unusual activity: attacks on the chains and nodes abusing the pool");

    /** Where an agent sits (docs/agents.md). */
    public enum Layer {
        AGGREGATION, POOL, TRAINING;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String title;
    private final Layer layer;
    private final String job;

    Agent(String title, Layer layer, String job) {
        this.title = title;
        this.layer = layer;
        this.job = job;
    }

    /** Lower case with hyphens: {@code pattern-recognizer}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String title() {
        return title;
    }

    public Layer layer() {
        return layer;
    }

    public String job() {
        return job;
    }

    /** By id ({@code pattern-recognizer}) or title ({@code Pattern Recognizer}), any case. */
    public static Optional<Agent> named(String name) {
        for (Agent agent : values()) {
            if (agent.id().equalsIgnoreCase(name) || agent.title.equalsIgnoreCase(name)) {
                return Optional.of(agent);
            }
        }
        return Optional.empty();
    }
}
