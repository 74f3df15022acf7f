package io.vantaechonebula.agent.scenario;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The scenarios a node's telemetry carries: each on its own made-up nodes and chain, so runs do not
 * disturb each other or the real nodes. Each first sends {@value #USUAL_ROUNDS} seconds of usual
 * traffic, a sample a second, so the agents have something to compare with.
 */
final class TelemetryScenarios {

    static final int USUAL_ROUNDS = 15;
    static final int ATTACK_ROUNDS = 6;
    private static final long ROUND_MS = 1_000;
    private static final long BLOCK_INTERVAL_MS = 10_000;
    private static final long SPAM_PER_BLOCK = 400;

    private TelemetryScenarios() {
    }

    static List<Scenario> all() {
        return List.of(normal(), latencyClimb(), silence(), poolFlood(), dominantMiner(), hashRateCollapse(), spamBurst());
    }

    /** Usual traffic that goes on: a node mining a chain with three others in turn, latency steady. */
    static Scenario normal() {
        return new Scenario("normal traffic", Set.of(), (system, tag) -> {
            NodeFeed node = new NodeFeed("normal-" + tag, "normal-" + tag);
            node.hashRate = 5_000;
            for (int round = 0; round < USUAL_ROUNDS + ATTACK_ROUNDS; round++) {
                node.send(system, usualBlocks(node, round));
                Thread.sleep(ROUND_MS);
            }
            return new Scenario.Played(node.nodeId, node.chain, null, -1, () -> node.send(system, Json.createArrayBuilder()));
        });
    }

    /** A node whose latency climbs from 40 ms to 400 ms over six seconds. */
    static Scenario latencyClimb() {
        return new Scenario("latency climb", Set.of("high_latency", "unusual_average_latency"), (system, tag) -> {
            NodeFeed node = new NodeFeed("latency-" + tag, "latency-" + tag);
            usual(system, node);
            long start = System.currentTimeMillis();
            for (int round = 1; round <= ATTACK_ROUNDS; round++) {
                node.latencyMs = 40 + 60.0 * round;
                node.send(system, Json.createArrayBuilder());
                Thread.sleep(ROUND_MS);
            }
            return new Scenario.Played(node.nodeId, null, null, start, () -> node.send(system, Json.createArrayBuilder()));
        });
    }

    /** A node that stops sending. */
    static Scenario silence() {
        return new Scenario("node goes silent", Set.of("node_silent"), (system, tag) -> {
            NodeFeed node = new NodeFeed("silent-" + tag, "silent-" + tag);
            usual(system, node);
            return new Scenario.Played(node.nodeId, null, null, System.currentTimeMillis(), () -> { });
        });
    }

    /** A node that sends 300 samples in a few seconds where it sent one a second. */
    static Scenario poolFlood() {
        return new Scenario("pool flood", Set.of("pool_flood"), (system, tag) -> {
            NodeFeed node = new NodeFeed("flood-" + tag, "flood-" + tag);
            usual(system, node);
            long start = System.currentTimeMillis();
            for (int batch = 0; batch < ATTACK_ROUNDS; batch++) {
                node.sendMany(system, 50, 10);
                Thread.sleep(ROUND_MS / 2);
            }
            return new Scenario.Played(node.nodeId, null, null, start, () -> node.send(system, Json.createArrayBuilder()));
        });
    }

    /** One miner takes every block of a chain that four miners shared. */
    static Scenario dominantMiner() {
        return new Scenario("one miner takes most blocks", Set.of("dominant_miner"), (system, tag) ->
                blockAttack(system, new NodeFeed("miner-watch-" + tag, "dominance-" + tag),
                        node -> node.block("attacker", BLOCK_INTERVAL_MS)));
    }

    /** The hash rate the chain's two mining nodes report falls from 5,000 H/s each to 100. */
    static Scenario hashRateCollapse() {
        return new Scenario("hash-rate collapse", Set.of("hash_rate_collapse", "slow_blocks"), (system, tag) -> {
            NodeFeed first = new NodeFeed("hash-a-" + tag, "hashrate-" + tag);
            NodeFeed second = new NodeFeed("hash-b-" + tag, "hashrate-" + tag);
            first.hashRate = 5_000;
            second.hashRate = 5_000;
            for (int round = 0; round < USUAL_ROUNDS; round++) {
                first.send(system, usualBlocks(first, round));
                second.send(system, Json.createArrayBuilder());
                Thread.sleep(ROUND_MS);
            }
            long start = System.currentTimeMillis();
            first.hashRate = 100;
            second.hashRate = 100;
            for (int round = 0; round < ATTACK_ROUNDS; round++) {
                first.send(system, Json.createArrayBuilder());
                second.send(system, Json.createArrayBuilder());
                Thread.sleep(ROUND_MS);
            }
            return new Scenario.Played(null, first.chain, null, start, () -> {
                first.send(system, Json.createArrayBuilder());
                second.send(system, Json.createArrayBuilder());
            });
        });
    }

    /**
     * A spam burst: the chain's blocks, which held two to six transfers, fill with {@value #SPAM_PER_BLOCK} transfers of
     * 1 each at the minimum fee.
     */
    static Scenario spamBurst() {
        return new Scenario("spam burst", Set.of("transaction_surge"), (system, tag) ->
                blockAttack(system, new NodeFeed("spam-watch-" + tag, "spam-" + tag),
                        node -> node.block("miner-" + node.height % 4, BLOCK_INTERVAL_MS, SPAM_PER_BLOCK, SPAM_PER_BLOCK,
                                SPAM_PER_BLOCK)));
    }

    /** Usual traffic from a mining node, then {@value #ATTACK_ROUNDS} rounds of two blocks each made by {@code attackBlock}. */
    private static Scenario.Played blockAttack(SystemClient system, NodeFeed node, Function<NodeFeed, JsonObject> attackBlock)
            throws InterruptedException {
        node.hashRate = 5_000;
        usual(system, node);
        long start = System.currentTimeMillis();
        for (int round = 0; round < ATTACK_ROUNDS; round++) {
            node.send(system, Json.createArrayBuilder().add(attackBlock.apply(node)).add(attackBlock.apply(node)));
            Thread.sleep(ROUND_MS);
        }
        return new Scenario.Played(null, node.chain, null, start, () -> node.send(system, Json.createArrayBuilder()));
    }

    private static void usual(SystemClient system, NodeFeed node) throws InterruptedException {
        for (int round = 0; round < USUAL_ROUNDS; round++) {
            node.send(system, usualBlocks(node, round));
            Thread.sleep(ROUND_MS);
        }
    }

    /** Two blocks a round, four miners in turn. */
    private static JsonArrayBuilder usualBlocks(NodeFeed node, int round) {
        return Json.createArrayBuilder().add(node.block("miner-" + (2 * round) % 4, BLOCK_INTERVAL_MS))
                .add(node.block("miner-" + (2 * round + 1) % 4, BLOCK_INTERVAL_MS));
    }
}
