package io.vantaechonebula.bench;

import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.crypto.KeyFile;
import io.vantaechonebula.chain.json.TransactionJson;
import io.vantaechonebula.chain.tx.Transaction;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end load on a running node: signed transfers over REST, measured as transfers accepted
 * per second (HTTP 202) and included in testnet blocks per second. Only talks to the node it is
 * given, which must be on this machine; it stops by itself.
 *
 * <p>Usage: {@code TransferLoad [node-url] [transfers] [concurrency] [batch] [rate]}, defaults
 * {@code http://localhost:8080 40000 16 100 0}. A batch of 1 posts each transfer alone to
 * {@code transactions}; larger batches go to {@code transactions/batch}. A rate above 0 offers
 * that many transfers per second and no more (an open load, as many clients would), so a run
 * shows whether the node keeps up with it; 0 sends as fast as the node answers.
 */
public final class TransferLoad {

    private static final String CHAIN_ID = "vanta-testnet-1";
    private static final int PER_SENDER = 60;
    private static final long FEE = 1_000;
    private static final Duration INCLUSION_PATIENCE = Duration.ofMinutes(10);
    private static final int PROGRESS_FROM = 100_000;

    private final URI base;
    // HTTP/1.1: one connection per worker, as separate nodes would open; h2c would multiplex them onto one.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final int batch;
    private final int rate;

    private TransferLoad(String node, int batch, int rate) {
        this.batch = batch;
        this.rate = rate;
        URI uri = URI.create(node.endsWith("/") ? node : node + "/");
        String host = uri.getHost();
        if (!("localhost".equals(host) || host.startsWith("127.") || "[::1]".equals(host))) {
            throw new IllegalArgumentException("The load driver only targets a node on this machine, not " + host);
        }
        this.base = uri;
    }

    public static void main(String[] args) throws Exception {
        String node = args.length > 0 ? args[0] : "http://localhost:8080";
        int transfers = args.length > 1 ? Integer.parseInt(args[1]) : 40_000;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        int rate = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        if (batch < 1 || batch > 1_000) {
            throw new IllegalArgumentException("A batch holds 1 to 1000 transfers, not " + batch);
        }
        if (rate < 0) {
            throw new IllegalArgumentException("The rate is transfers per second, 0 for as fast as the node answers; not " + rate);
        }
        new TransferLoad(node, batch, rate).run(transfers, concurrency);
    }

    private void run(int transfers, int concurrency) throws Exception {
        Ed25519PrivateKey dev = KeyFile.read(Path.of("config", "chains", "testnet-dev.key"));
        int senders = (transfers + PER_SENDER - 1) / PER_SENDER;
        int funders = (senders + PER_SENDER - 1) / PER_SENDER;
        System.out.printf("Funding %d senders through %d funders ...%n", senders, funders);
        SecureRandom random = new SecureRandom();
        List<Ed25519PrivateKey> funderKeys = new ArrayList<>();
        List<Ed25519PrivateKey> senderKeys = new ArrayList<>();
        for (int i = 0; i < funders; i++) {
            funderKeys.add(Ed25519PrivateKey.generate(random));
        }
        for (int i = 0; i < senders; i++) {
            senderKeys.add(Ed25519PrivateKey.generate(random));
        }
        long perSenderFunds = PER_SENDER * (1 + FEE);
        long perFunderFunds = PER_SENDER * (perSenderFunds + FEE) + FEE;
        long devNonce = account(dev.publicKey().address()).getJsonNumber("nextNonce").longValue();
        // One sender may run only max-nonce-ahead (64) transactions ahead of its account: fund in rounds.
        for (int from = 0; from < funders; from += PER_SENDER) {
            List<Transaction> tier1 = new ArrayList<>();
            for (Ed25519PrivateKey funder : funderKeys.subList(from, Math.min(funders, from + PER_SENDER))) {
                tier1.add(Transaction.transfer(dev, CHAIN_ID, funder.publicKey().address(), perFunderFunds, FEE, devNonce++));
            }
            submitAll(tier1, 4, 0);
            awaitIncluded(tier1);
        }
        List<Transaction> tier2 = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            Ed25519PrivateKey funder = funderKeys.get(i / PER_SENDER);
            tier2.add(Transaction.transfer(funder, CHAIN_ID, senderKeys.get(i).publicKey().address(), perSenderFunds, FEE,
                    i % PER_SENDER));
        }
        submitAll(tier2, concurrency, 0);
        awaitIncluded(tier2);

        System.out.printf("Signing %d transfers, to be sent %s%s ...%n", transfers,
                batch == 1 ? "one per request" : "in batches of " + batch, rate > 0 ? " at " + rate + " per second" : "");
        List<Transaction> load = new ArrayList<>(transfers);
        Address sink = dev.publicKey().address();
        for (int i = 0; i < transfers; i++) {
            load.add(Transaction.transfer(senderKeys.get(i / PER_SENDER), CHAIN_ID, sink, 1, FEE, i % PER_SENDER));
        }
        long startHeight = head().getJsonNumber("height").longValue();
        long start = System.nanoTime();
        Submission submission = submitAll(load, concurrency, rate);
        double submitSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Accepted %d of %d in %.1f s: %.0f transfers/s accepted (%d refused, e.g. %s)%n",
                submission.accepted, transfers, submitSeconds, submission.accepted / submitSeconds, submission.refused,
                submission.sampleRefusal);
        // A refused transfer leaves a gap in its sender's nonces: the sender's later ones wait forever.
        List<Transaction> includable = new ArrayList<>();
        Map<Address, Boolean> gapped = new java.util.HashMap<>();
        for (Transaction tx : load) {
            if (!submission.acceptedIds.contains(tx.id())) {
                gapped.put(tx.senderAddress(), true);
            } else if (!gapped.containsKey(tx.senderAddress())) {
                includable.add(tx);
            }
        }
        long lastHeight = awaitIncluded(includable);
        double includeSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Included %d in %.1f s from the first submission: %.0f transfers/s included, in blocks %d..%d%n",
                includable.size(), includeSeconds, includable.size() / includeSeconds, startHeight + 1, lastHeight);
        long firstLoaded = -1;
        long firstLoadedMs = 0;
        long lastMs = 0;
        long afterFirst = 0;
        long lastLoaded = -1;
        for (long h = startHeight + 1; h <= lastHeight; h++) {
            JsonObject block = get("api/v1/chains/testnet/blocks/" + h);
            int count = block.getInt("transactionCount");
            long timestampMs = block.getJsonNumber("timestampMs").longValue();
            System.out.printf("  block %d: %d transactions at %s%n", h, count, block.getString("timestamp"));
            if (firstLoaded < 0 && count > 0) {
                firstLoaded = h;
                firstLoadedMs = timestampMs;
            } else if (firstLoaded >= 0 && count > 0) {
                afterFirst += count;
                lastMs = timestampMs;
                lastLoaded = h;
            }
        }
        if (lastMs > firstLoadedMs) {
            System.out.printf("Sustained inclusion between blocks %d and %d: %d transfers in %.1f s of block time: %.0f transfers/s%n",
                    firstLoaded, lastLoaded, afterFirst, (lastMs - firstLoadedMs) / 1e3, afterFirst * 1e3 / (lastMs - firstLoadedMs));
        }
    }

    private record Submission(int accepted, int refused, String sampleRefusal, java.util.Set<Hash> acceptedIds) {
    }

    private Submission submitAll(List<Transaction> transactions, int concurrency, int perSecond) throws InterruptedException {
        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        java.util.Set<Hash> acceptedIds = ConcurrentHashMap.newKeySet();
        Map<String, String> refusal = new ConcurrentHashMap<>();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        for (int w = 0; w < concurrency; w++) {
            workers.submit(() -> {
                for (int from; (from = next.getAndAdd(batch)) < transactions.size(); ) {
                    if (perSecond > 0) {
                        long due = start + (long) (from * 1e9 / perSecond);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                    }
                    List<Transaction> slice = transactions.subList(from, Math.min(from + batch, transactions.size()));
                    if (batch == 1) {
                        HttpResponse<String> response = post("api/v1/chains/testnet/transactions", TransactionJson.signed(slice.get(0)));
                        if (response.statusCode() == 202) {
                            accepted.incrementAndGet();
                            acceptedIds.add(slice.get(0).id());
                        } else {
                            refused.incrementAndGet();
                            refusal.putIfAbsent("first", response.statusCode() + " " + response.body());
                        }
                        continue;
                    }
                    JsonArrayBuilder array = Json.createArrayBuilder();
                    slice.forEach(tx -> array.add(TransactionJson.signed(tx)));
                    HttpResponse<String> response = post("api/v1/chains/testnet/transactions/batch", array.build());
                    if (response.statusCode() != 200) {
                        refused.addAndGet(slice.size());
                        refusal.putIfAbsent("first", response.statusCode() + " " + response.body());
                        continue;
                    }
                    JsonObject answer = parse(response.body());
                    accepted.addAndGet(answer.getInt("accepted"));
                    List<JsonObject> results = answer.getJsonArray("results").getValuesAs(JsonObject.class);
                    for (int r = 0; r < results.size(); r++) {
                        if ("pending".equals(results.get(r).getString("status"))) {
                            acceptedIds.add(slice.get(r).id());
                        }
                    }
                    refused.addAndGet(answer.getInt("refused"));
                    if (answer.getInt("refused") > 0) {
                        answer.getJsonArray("results").getValuesAs(JsonObject.class).stream()
                                .filter(result -> "refused".equals(result.getString("status")))
                                .findFirst().ifPresent(result -> refusal.putIfAbsent("first", result.toString()));
                    }
                }
                return null;
            });
        }
        workers.shutdown();
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
        if (transactions.size() >= PROGRESS_FROM) {
            progress.scheduleAtFixedRate(() -> System.out.printf("  %3.0f s: %d accepted, %d refused; head %d, mempool %d%n",
                    (System.nanoTime() - start) / 1e9, accepted.get(), refused.get(), head().getJsonNumber("height").longValue(),
                    get("api/v1/chains/testnet/mempool").getInt("size")), 10, 10, TimeUnit.SECONDS);
        }
        workers.awaitTermination(1, TimeUnit.HOURS);
        progress.shutdownNow();
        return new Submission(accepted.get(), refused.get(), refusal.getOrDefault("first", "none"), acceptedIds);
    }

    /** Waits until each sender's last transaction is included (its others precede it); returns the head height. */
    private long awaitIncluded(List<Transaction> transactions) throws InterruptedException {
        long deadline = System.nanoTime() + INCLUSION_PATIENCE.toNanos();
        Map<Address, Transaction> lastOfSender = new ConcurrentHashMap<>();
        transactions.forEach(tx -> lastOfSender.merge(tx.senderAddress(), tx, (a, b) -> a.nonce() > b.nonce() ? a : b));
        AtomicLong pending = new AtomicLong(lastOfSender.size());
        List<Transaction> waiting = new ArrayList<>(lastOfSender.values());
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            // A sender's nonce passes a transaction's once a block on the main chain includes it.
            waiting.removeIf(tx -> account(tx.senderAddress()).getJsonNumber("nonce").longValue() > tx.nonce());
            pending.set(waiting.size());
            if (!waiting.isEmpty()) {
                Thread.sleep(200);
            }
        }
        if (!waiting.isEmpty()) {
            throw new IllegalStateException(waiting.size() + " senders' transfers were not included in " + INCLUSION_PATIENCE);
        }
        return head().getJsonNumber("height").longValue();
    }

    private JsonObject head() {
        return get("api/v1/chains/testnet/head");
    }

    private JsonObject account(Address address) {
        return get("api/v1/chains/testnet/accounts/" + address.hex());
    }

    private JsonObject get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return parse(response.body());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path + " failed: " + e, e);
        }
    }

    private static JsonObject parse(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private HttpResponse<String> post(String path, JsonStructure body) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("POST " + path + " failed: " + e, e);
        }
    }

}
