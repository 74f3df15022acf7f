package io.vantaechonebula.bench;

import io.vantaechonebula.agent.light.LightNode;
import io.vantaechonebula.agent.light.LightNodeOptions;
import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.block.BlockTemplate;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.fork.Blockchain;
import io.vantaechonebula.chain.fork.ImportResult;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.chain.pow.ProofOfWork;
import io.vantaechonebula.chain.store.InMemoryChainStore;
import io.vantaechonebula.chain.tx.Transaction;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * How fast a fresh light node syncs from a peer (docs/benchmarks.md): builds a private chain of
 * {@code blocks} blocks with {@code transfers} signed transfers each, at an easy proof-of-work target so
 * that building it takes seconds; has one light node import it directly (local validation, the
 * baseline), another hold it and serve it, and a third, fresh, sync it from that one over HTTP.
 * Both light nodes write to their store files as in production.
 *
 * <p>Usage: {@code SyncBenchmark [blocks [transfers-per-block]]}, default 10,000 and 10.
 */
public final class SyncBenchmark {

    private static final long BLOCK_TIME_MS = 5_000;
    private static final int SENDERS = 200;
    private static final long FUNDS = 1_000_000_000;

    private SyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int transfers = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Logger.getLogger("").setLevel(Level.WARNING);
        Path dir = Files.createTempDirectory("vanta-sync-bench");
        try {
            run(dir, blocks, transfers);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void run(Path dir, int blocks, int transfers) throws Exception {
        System.out.printf("Machine: %d cores, %s %s, heap max %d MiB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        SecureRandom random = new SecureRandom();
        List<Ed25519PrivateKey> senders = new ArrayList<>();
        Map<Address, Long> allocations = new HashMap<>();
        for (int i = 0; i < SENDERS; i++) {
            Ed25519PrivateKey key = Ed25519PrivateKey.generate(random);
            senders.add(key);
            allocations.put(key.publicKey().address(), FUNDS);
        }
        long genesisTime = System.currentTimeMillis() - (blocks + 10L) * BLOCK_TIME_MS;
        BigInteger easy = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE);
        ChainParams params = new ChainParams("testnet", "vanta-sync-bench-1", BLOCK_TIME_MS, 8 * BLOCK_TIME_MS,
                6 * BLOCK_TIME_MS, 3 * BLOCK_TIME_MS, easy, easy, genesisTime, 1_000, 1, Math.max(1, transfers), 16,
                allocations);

        long started = System.nanoTime();
        List<Block> chain = build(params, senders, blocks, transfers, genesisTime);
        System.out.printf("Built %,d blocks of %d transfers in %.1f s%n", blocks, transfers, seconds(started));

        // Once to warm the JIT up, as the sync below benefits from this, then timed.
        importLocally(dir.resolve("warm-up"), params, chain);
        double local = importLocally(dir.resolve("local"), params, rebuilt(chain));
        System.out.printf("Local validation (import into a light node's store): %,.0f blocks/s%n", local);

        try (LightNode source = LightNode.start(options(dir.resolve("source"), List.of()),
                Ed25519PrivateKey.generate(random), List.of(params))) {
            for (Block block : chain) {
                source.importBlock(params.chainId(), block);
            }
            System.gc();
            long syncStarted = System.nanoTime();
            try (LightNode fresh = LightNode.start(options(dir.resolve("fresh"), List.of(source.address())),
                    Ed25519PrivateKey.generate(random), List.of(params))) {
                while (fresh.heads().get(0).height() < blocks) {
                    Thread.sleep(20);
                }
                double seconds = seconds(syncStarted);
                double rate = blocks / seconds;
                System.out.printf("Sync of a fresh light node over HTTP: %,d blocks in %.1f s = %,.0f blocks/s"
                        + " (from its start, handshake included); %.2f of local validation%n", blocks, seconds, rate,
                        rate / local);
                if (!fresh.heads().get(0).head().equals(source.heads().get(0).head())) {
                    throw new IllegalStateException("the fresh node ended on another head than its source");
                }
            }
        }
    }

    private static LightNodeOptions options(Path state, List<String> seeds) {
        return new LightNodeOptions(state, "basic", "vanta-bench", "127.0.0.1", 0, "127.0.0.1", seeds, List.of(), false, 1, 10, 1L << 30,
                List.of("testnet"));
    }

    private static List<Block> build(ChainParams params, List<Ed25519PrivateKey> senders, int blocks, int transfers,
                                     long genesisTime) {
        Blockchain builder = new Blockchain(params, new InMemoryChainStore());
        Address miner = senders.get(0).publicKey().address();
        Map<Address, Long> nonces = new HashMap<>();
        List<Block> chain = new ArrayList<>(blocks);
        int next = 0;
        for (int height = 1; height <= blocks; height++) {
            long time = genesisTime + height * BLOCK_TIME_MS;
            List<Transaction> batch = new ArrayList<>(transfers);
            for (int i = 0; i < transfers; i++) {
                Ed25519PrivateKey from = senders.get(next++ % senders.size());
                Address to = senders.get(next % senders.size()).publicKey().address();
                long nonce = nonces.merge(from.publicKey().address(), 1L, Long::sum) - 1;
                batch.add(Transaction.transfer(from, params.chainId(), to, 1, 1, nonce));
            }
            BlockTemplate template = builder.template(batch, miner, time);
            if (template.transactions().size() != transfers) {
                throw new IllegalStateException("block " + height + " took " + template.transactions().size() + " of "
                        + transfers + " transfers: " + template.skipped().values());
            }
            long nonce = ProofOfWork.search(template.header(), 0, 1, 1_000_000, () -> false)
                    .orElseThrow(() -> new IllegalStateException("no nonce at an easy target"));
            Block block = template.withNonce(nonce);
            ImportResult result = builder.importBlock(block, time);
            if (!(result instanceof ImportResult.Extended)) {
                throw new IllegalStateException("block " + height + " was not taken: " + result);
            }
            chain.add(block);
        }
        return chain;
    }

    /** The same blocks as new objects, decoded afresh, so that no transaction remembers its signature checked. */
    private static List<Block> rebuilt(List<Block> chain) throws Exception {
        List<Block> copies = new ArrayList<>(chain.size());
        for (Block block : chain) {
            byte[] encoded = block.encode();
            copies.add(Block.decode(encoded, encoded.length / 100 + 1));
        }
        return copies;
    }

    private static double importLocally(Path state, ChainParams params, List<Block> chain) throws IOException {
        try (LightNode node = LightNode.start(options(state, List.of()), Ed25519PrivateKey.generate(new SecureRandom()),
                List.of(params))) {
            long started = System.nanoTime();
            for (Block block : chain) {
                ImportResult result = node.importBlock(params.chainId(), block);
                if (!(result instanceof ImportResult.Extended)) {
                    throw new IllegalStateException("local import of block " + block.height() + ": " + result);
                }
            }
            return chain.size() / seconds(started);
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
