package io.vantaechonebula.bench;

import io.vantaechonebula.agent.broker.BrokerLoginOptions;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.telemetry.collector.JmsBatchSender;
import io.vantaechonebula.telemetry.collector.NodeRegistration;
import io.vantaechonebula.telemetry.signing.NodeSigner;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import com.sun.messaging.ConnectionConfiguration;
import io.vantaechonebula.telemetry.BatchPayloadWriter;
import io.vantaechonebula.telemetry.IngestAddresses;
import io.vantaechonebula.telemetry.PayloadKind;
import io.vantaechonebula.telemetry.TelemetrySample;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Telemetry load on a running pool: producers, each a node of its own, send batches of 50 samples
 * at a fixed total rate (an open load), over HTTP ingest or straight to the broker over JMS, as
 * nodes do. A batch refused with 429 is sent again after Retry-After. It reports every ten seconds
 * and at the end: samples acknowledged per second, the pool's stored and processed rates and its
 * send-to-stored and send-to-processed latencies, then waits for the pool to drain and counts what
 * it stored.
 *
 * <p>Usage: {@code PoolLoad pool-url http|jms|http-signed|jms-signed producers samples-per-second seconds [ack-log]}.
 * With {@code -signed} each producer is a node with a key of its own, registered with the pool before
 * the run, and signs every batch (docs/ingest.md#signed-telemetry), so the pool verifies each one. The
 * ack log gets one line per acknowledged batch: node id, first sequence number, sample count, and
 * the run's start in epoch milliseconds (sample {@code seq} is timed start + seq ms). The driver
 * outlives the pool: a pool that stops answering is reported, and waited for while draining.
 */
public final class PoolLoad {

    /** The pool lists its nodes a page at a time. */
    private static final int NODES_PAGE = 1000;

    static final int BATCH = 50;
    private static final long REPORT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final Duration DRAIN_PATIENCE = Duration.ofMinutes(10);

    private static final List<String> TRANSPORTS = List.of("http", "jms", "http-signed", "jms-signed");

    private final URI pool;
    /** http or jms. */
    private final String transport;
    private final boolean signed;
    /** The nodes of this run, whose stored samples it counts. */
    private final Set<String> runNodes = ConcurrentHashMap.newKeySet();
    private final int producers;
    private final double samplesPerSecond;
    private final long seconds;
    private final long startMillis = System.currentTimeMillis();
    private final String runId = Long.toString(startMillis / 1000 % 1_000_000, 36);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong lateBatches = new AtomicLong();
    private final ConcurrentLinkedQueue<Long> ackNanos = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> ackLog = new ConcurrentLinkedQueue<>();

    private PoolLoad(URI pool, String transport, int producers, double samplesPerSecond, long seconds) {
        this.pool = pool;
        this.transport = transport.replace("-signed", "");
        this.signed = transport.endsWith("-signed");
        this.producers = producers;
        this.samplesPerSecond = samplesPerSecond;
        this.seconds = seconds;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5 || !TRANSPORTS.contains(args[1])) {
            System.err.println("usage: PoolLoad pool-url http|jms|http-signed|jms-signed producers samples-per-second seconds [ack-log]");
            System.exit(2);
        }
        PoolLoad load = new PoolLoad(URI.create(args[0]), args[1], Integer.parseInt(args[2]), Double.parseDouble(args[3]),
                Long.parseLong(args[4]));
        load.run(args.length > 5 ? Path.of(args[5]) : null);
    }

    private void run(Path ackLogFile) throws Exception {
        System.out.printf("Offering %.0f samples/s in batches of %d from %d producers over %s%s for %d s (run %s)%n",
                samplesPerSecond, BATCH, producers, transport, signed ? ", each batch signed" : "", seconds, runId);
        List<Optional<NodeSigner>> signers = new ArrayList<>();
        for (int i = 0; i < producers; i++) {
            signers.add(signed ? Optional.of(registered()) : Optional.empty());
        }
        long storedBefore = storedByPool();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(producers);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < producers; i++) {
            Optional<NodeSigner> signer = signers.get(i);
            String node = signer.map(NodeSigner::nodeId).orElse("load-" + runId + "-" + transport + "-" + i);
            runNodes.add(node);
            long offset = (long) (i * (1e9 * BATCH / samplesPerSecond));
            Thread thread = new Thread(() -> {
                try {
                    produce(node, signer, start + offset, end);
                } finally {
                    done.countDown();
                }
            }, "producer-" + i);
            threads.add(thread);
            thread.start();
        }
        long nextReport = start + REPORT_EVERY_NANOS;
        long lastAcked = 0;
        long lastReport = start;
        while (!done.await(200, TimeUnit.MILLISECONDS)) {
            long now = System.nanoTime();
            if (now >= nextReport) {
                long ackedNow = acked.get();
                System.out.printf("%4d s: %,.0f samples/s acknowledged, %d refused (429), %d failed, %d late; pool: %s%n",
                        TimeUnit.NANOSECONDS.toSeconds(now - start), (ackedNow - lastAcked) * 1e9 / (now - lastReport),
                        refused.get(), failed.get(), lateBatches.get(), poolLine());
                lastAcked = ackedNow;
                lastReport = now;
                nextReport += REPORT_EVERY_NANOS;
            }
        }
        long sendSeconds = System.nanoTime() - start;
        writeAckLog(ackLogFile);
        System.out.printf("Sent for %.1f s: %,d samples acknowledged (%,.0f/s), %d batches refused with 429 and sent again,"
                        + " %d failed; acknowledgement p50 %d ms, p99 %d ms%n",
                sendSeconds / 1e9, acked.get(), acked.get() * 1e9 / sendSeconds, refused.get(), failed.get(),
                percentile(50), percentile(99));
        System.out.println("Pool at the end of sending: " + poolLine());
        waitForDrain(start, storedBefore);
    }

    /** A node with a fresh key, registered with the pool. */
    private NodeSigner registered() throws Exception {
        NodeSigner signer = new NodeSigner(Ed25519PrivateKey.generate(new SecureRandom()));
        new NodeRegistration(http, signer, "basic").register(pool);
        return signer;
    }

    private void produce(String node, Optional<NodeSigner> signer, long firstDue, long end) {
        long intervalNanos = (long) (1e9 * BATCH * producers / samplesPerSecond);
        long seq = 0;
        try (Sender sender = transport.equals("jms") ? new JmsSender(pool.getHost(), signer) : new HttpSender(signer)) {
            for (long due = firstDue; due < end; due += intervalNanos) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } else if (-wait > intervalNanos) {
                    lateBatches.incrementAndGet();
                }
                List<TelemetrySample> samples = new ArrayList<>(BATCH);
                long first = seq;
                for (int i = 0; i < BATCH; i++) {
                    samples.add(sample(node, seq++));
                }
                JsonObject payload = BatchPayloadWriter.batch(node, BigDecimal.valueOf(System.currentTimeMillis(), 3), samples, 0);
                long sent = System.nanoTime();
                if (sender.send(node, payload.toString())) {
                    ackNanos.add(System.nanoTime() - sent);
                    acked.addAndGet(BATCH);
                    ackLog.add(node + " " + first + " " + BATCH + " " + startMillis);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            System.err.println(node + " stopped: " + e);
            failed.incrementAndGet();
        }
    }

    /** Samples 1 ms apart from the run's start, so a node's samples never collide and sort by sequence. */
    private TelemetrySample sample(String node, long seq) {
        return new TelemetrySample(node, "basic", "testnet", BigDecimal.valueOf(startMillis + seq, 3), seq,
                1000 + seq / 10, 1L, seq % 40, 2.5e5 + seq % 1000, null, null, 4L, 20.0 + seq % 30, 16_384.0 + seq % 4096,
                0.95, 0.2 + (seq % 50) / 100.0, 0.5, 0.4, 3600.0 + seq, null);
    }

    private interface Sender extends AutoCloseable {
        /** @return whether the pool acknowledged the batch; a 429 is waited out and sent again */
        boolean send(String node, String payload) throws Exception;

        @Override
        void close();
    }

    private final class HttpSender implements Sender {
        private final URI ingest = pool.resolve(IngestAddresses.INGEST_PATH);
        private final Optional<NodeSigner> signer;

        HttpSender(Optional<NodeSigner> signer) {
            this.signer = signer;
        }

        @Override
        public boolean send(String node, String payload) throws Exception {
            byte[] body = payload.getBytes(StandardCharsets.UTF_8);
            while (true) {
                HttpRequest.Builder builder = HttpRequest.newBuilder(ingest).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                // Signed afresh for each try: a signature is taken once.
                signer.ifPresent(key -> key.httpHeaders("POST", ingest.getRawPath(), body).forEach(builder::header));
                HttpRequest request = builder.build();
                HttpResponse<String> response;
                try {
                    response = http.send(request, HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    failed.incrementAndGet();
                    return false;
                }
                if (response.statusCode() == 202) {
                    return true;
                }
                if (response.statusCode() == 429) {
                    refused.incrementAndGet();
                    long retryAfter = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                    TimeUnit.SECONDS.sleep(retryAfter);
                    continue;
                }
                failed.incrementAndGet();
                return false;
            }
        }

        @Override
        public void close() {
        }
    }

    private static final class JmsSender implements Sender {
        private final Connection connection;
        private final Session session;
        private final MessageProducer producer;
        private final Optional<NodeSigner> signer;

        JmsSender(String host, Optional<NodeSigner> signer) throws JMSException {
            this.signer = signer;
            com.sun.messaging.ConnectionFactory factory = new com.sun.messaging.ConnectionFactory();
            factory.setProperty(ConnectionConfiguration.imqAddressList, "mq://" + host + ":7676");
            JmsBatchSender.Login login = BrokerLoginOptions.fromEnvironment();
            connection = factory.createConnection(login.user(), login.password());
            session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            producer = session.createProducer(session.createQueue(IngestAddresses.NODE_DATA_QUEUE));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        }

        @Override
        public boolean send(String node, String payload) throws JMSException {
            TextMessage message = session.createTextMessage(payload);
            message.setStringProperty(IngestAddresses.NODE_ID_PROPERTY, node);
            message.setStringProperty(IngestAddresses.PAYLOAD_KIND_PROPERTY, PayloadKind.BATCH.name());
            if (signer.isPresent()) {
                for (Map.Entry<String, String> property : signer.get().messageProperties(payload.getBytes(StandardCharsets.UTF_8)).entrySet()) {
                    message.setStringProperty(property.getKey(), property.getValue());
                }
            }
            producer.send(message);
            return true;
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (JMSException e) {
                // The run is over; every acknowledged send was confirmed by the broker.
            }
        }
    }

    private void waitForDrain(long start, long storedBefore) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_PATIENCE.toNanos();
        JsonObject stats = null;
        while (System.nanoTime() < deadline) {
            try {
                stats = stats();
                if (drained(stats) && storedByPool() - storedBefore >= acked.get()) {
                    break;
                }
            } catch (RuntimeException e) {
                stats = null; // the pool is not answering, perhaps restarting: wait for it
            }
            TimeUnit.SECONDS.sleep(1);
        }
        long elapsed = System.nanoTime() - start;
        long stored = storedByPool() - storedBefore;
        System.out.printf("Drained after %.1f s: %,d samples stored by the pool (%,.0f/s over the whole run), %,d acknowledged;"
                        + " %s%n", elapsed / 1e9, stored, stored * 1e9 / elapsed, acked.get(),
                stats != null && drained(stats) ? "every processor caught up" : "NOT drained within " + DRAIN_PATIENCE.toMinutes() + " min");
    }

    private static boolean drained(JsonObject stats) {
        return stats.getJsonObject("queues").getJsonObject(IngestAddresses.NODE_DATA_QUEUE).getInt("depth") == 0
                && stats.getJsonArray("processors").getValuesAs(JsonObject.class).stream()
                .allMatch(p -> p.getJsonNumber("pendingBatches").longValue() == 0);
    }

    /** Samples stored of this run's nodes, as the pool's node list counts them. */
    private long storedByPool() {
        long total = 0;
        for (int offset = 0; ; offset += NODES_PAGE) {
            List<JsonObject> page = get("/api/v1/nodes?limit=" + NODES_PAGE + "&offset=" + offset).asJsonArray()
                    .getValuesAs(JsonObject.class);
            for (JsonObject node : page) {
                if (runNodes.contains(node.getString("nodeId"))) {
                    total += node.getJsonNumber("samplesStored").longValue();
                }
            }
            if (page.size() < NODES_PAGE) {
                return total;
            }
        }
    }

    private String poolLine() {
        JsonObject stats;
        try {
            stats = stats();
        } catch (RuntimeException e) {
            return "not answering (" + e.getMessage() + ")";
        }
        JsonObject slowest = stats.getJsonArray("processors").getValuesAs(JsonObject.class).stream()
                .max((a, b) -> Long.compare(a.getJsonNumber("lagMillis").longValue(), b.getJsonNumber("lagMillis").longValue()))
                .orElseThrow();
        return String.format("stored %,.0f/s (minute average), NodeData depth %d, send-to-stored p50 %d p99 %d ms,"
                        + " slowest processor %s lag %d ms (send-to-processed p50 %d p99 %d ms)",
                stats.getJsonNumber("samplesStoredPerSecond").doubleValue(),
                stats.getJsonObject("queues").getJsonObject(IngestAddresses.NODE_DATA_QUEUE).getInt("depth"),
                stats.getJsonObject("sentToStoredMillis").getJsonNumber("p50").longValue(),
                stats.getJsonObject("sentToStoredMillis").getJsonNumber("p99").longValue(),
                slowest.getString("name"), slowest.getJsonNumber("lagMillis").longValue(),
                slowest.getJsonObject("sentToProcessedMillis").getJsonNumber("p50").longValue(),
                slowest.getJsonObject("sentToProcessedMillis").getJsonNumber("p99").longValue());
    }

    private JsonObject stats() {
        return get("/api/v1/pool/stats").asJsonObject();
    }

    private jakarta.json.JsonValue get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(pool.resolve(path)).timeout(Duration.ofSeconds(60))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                return reader.readValue();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long percentile(double p) {
        long[] values = ackNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (values.length == 0) {
            return -1;
        }
        return TimeUnit.NANOSECONDS.toMillis(values[Math.max(0, (int) Math.ceil(p / 100 * values.length) - 1)]);
    }

    private void writeAckLog(Path file) throws IOException {
        if (file == null) {
            return;
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String line : ackLog) {
                out.write(line);
                out.newLine();
            }
        }
        System.out.println("Acknowledged batches written to " + file);
    }
}
