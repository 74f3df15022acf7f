package io.vantaechonebula.pool.agent.optimizer;

import io.vantaechonebula.pool.agent.resonant.ResourceRule;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What to do about a finding, by its kind and evidence: the Decision Optimizer's rules. */
public final class Recommendations {

    /** A node the pool hears from with the latency it last reported. */
    public record Peer(String nodeId, double latencyMs) {
    }

    static final double FAST_PEER_MS = 50;

    private Recommendations() {
    }

    /**
     * @param nodeId    null for a finding about a chain or the network
     * @param chainId   null for a finding about a node on every chain
     * @param fastPeers nodes under {@value #FAST_PEER_MS} ms, fastest first, the node itself left out
     */
    public static String forFinding(String kind, String nodeId, String chainId, JsonObject evidence, List<Peer> fastPeers) {
        String node = nodeId == null ? "the network" : "node " + nodeId;
        String chain = chainId == null ? "every chain" : chainId;
        return switch (kind) {
            case "high_latency" -> fastPeers.isEmpty()
                    ? "Pick peers under 50 ms; no node reporting to the pool is under 50 ms now, so check " + node
                            + "'s own network link first"
                    : "Pick peers under 50 ms for " + node + ": " + fastPeers.stream().limit(5)
                            .map(p -> p.nodeId() + String.format(Locale.ROOT, " (%.0f ms)", p.latencyMs()))
                            .collect(Collectors.joining(", "));
            case "high_memory" -> ResourceRule.MEMORY.action() + " on " + node;
            case "high_storage" -> ResourceRule.STORAGE.action() + " on " + node;
            case "node_silent" -> "Check that " + node + " is running (its log) and can reach the pool (broker port 7676"
                    + " or POST /api/v1/pool/ingest); what it could not send waits in its outbox and arrives once it is back";
            case "isolated" -> "Give " + node + " peers again: check vanta.p2p.seeds and that its port is reachable;"
                    + " while isolated it neither gets nor spreads blocks";
            case "behind" -> "Check " + node + "'s peers and sync: it is " + number(evidence, "blocks_behind")
                    + " blocks behind; if it does not catch up within a few sync intervals, restart it to sync afresh";
            case "poor_connection" -> "Check " + node + "'s link to the pool: most of its sends fail; its outbox keeps"
                    + " them and retries with backoff, so nothing is lost while the link is repaired";
            case "partition" -> "Check the links between the pool and the silent nodes named in the evidence (their"
                    + " network, the broker on port 7676, firewalls) before any one node: they went quiet together";
            case "network_latency" -> "Look at the network the nodes share (a saturated link, a routing change) rather"
                    + " than at each node; changing peers will not help while every node is slow";
            case "double_spend" -> "Hold payouts that depend on transactions of sender " + text(evidence, "sender")
                    + " on chain " + chain + " until they have the chain's confirmations: it spent one nonce twice";
            case "transaction_spam" -> "Rate-limit sender " + text(evidence, "sender") + " on chain " + chain
                    + " at the nodes' transaction intake if the burst goes on; the nodes' pools keep the earliest and fee-paying ones";
            case "suspicious_transaction" -> "Check transaction " + text(evidence, "transaction") + " on chain " + chain
                    + " against its sender's usual activity before relying on it; the evidence says what stood out";
            case "deep_fork" -> "Compare " + node + "'s head on " + chain + " with its peers' (GET /api/v1/peers): if most"
                    + " peers are on another branch this node was cut off, so resync it from peers you trust; if the refused"
                    + " branch comes from few peers, they are on a minority fork or attacking: take them out of vanta.p2p.seeds"
                    + " and watch their reputation (vanta.chain.max-reorg-depth bounds how deep a node re-organises)";
            case "slow_blocks" -> "Check the miners of " + chain + ": blocks come far slower than usual, so hash rate"
                    + " left the chain (miners down or moved); wait for more confirmations than usual until the interval recovers";
            case "transaction_surge" -> "Look at the senders in block " + number(evidence, "height") + " on " + chain
                    + ": if one sender fills blocks, rate-limit it at the nodes' transaction intake";
            case "unusual_fees" -> "Check block " + number(evidence, "height") + " on " + chain + ": its fees are far above"
                    + " what its transactions usually pay, a sign of fee-sniping or a wallet paying by mistake";
            case "dominant_miner" -> "Wait for more confirmations on " + chain + " while miner " + text(evidence, "miner")
                    + " holds most recent blocks, and ask other miners to add hash rate: one miner can reorder the chain";
            case "hash_rate_collapse" -> "Find which miners of " + chain + " stopped (the nodes in the evidence report their"
                    + " hash rate); until it recovers blocks slow down and the chain is easier to overpower";
            case "pool_flood" -> "Check " + node + "'s telemetry settings (it should sample every 5 s); if it keeps flooding,"
                    + " block its node id at the broker or in front of POST /api/v1/pool/ingest";
            case "majority_attack_risk" -> "Treat " + chain + " as under attack: raise the confirmations required for"
                    + " payouts, and alert the other miners; the alerts in the evidence say what was seen";
            case "node_in_trouble" -> "Restart " + node + " once its log is saved if the alerts named in the evidence"
                    + " do not clear within a few minutes; they likely share one cause on that host";
            default -> kind.startsWith("unusual_")
                    ? "Compare " + node + "'s " + kind.substring("unusual_".length()).replace('_', ' ')
                            + " with its recent level in the evidence; if a known change explains it (a deploy, a load"
                            + " test) acknowledge it, otherwise look at the node's log around the time it was first seen"
                    : "Read the evidence and acknowledge once it is handled";
        };
    }

    private static String text(JsonObject evidence, String name) {
        return evidence.get(name) instanceof JsonString value ? value.getString() : "(see the evidence)";
    }

    private static String number(JsonObject evidence, String name) {
        JsonNumber value = evidence.getJsonNumber(name);
        return value == null ? "several" : value.toString();
    }
}
