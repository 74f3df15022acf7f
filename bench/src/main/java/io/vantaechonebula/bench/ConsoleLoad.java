package io.vantaechonebula.bench;

import io.vantaechonebula.telemetry.BatchPayloadWriter;
import io.vantaechonebula.telemetry.IngestAddresses;
import io.vantaechonebula.telemetry.TelemetrySample;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long the console's pages take to answer, each asked for again and again by one logged-in operator,
 * on a pool as big as the driver makes it first: {@code seed-nodes} fresh nodes each send a usual sample
 * and then one with its CPU, memory and storage over their thresholds, so that the agents raise about
 * three alerts per node through the real intake. Times are from sending the request to the page's last
 * byte on loopback: the server's time, with the network's left out.
 *
 * <p>Usage: {@code ConsoleLoad base-url user password-file seed-nodes rounds}; docs/benchmarks.md has the run.
 */
public final class ConsoleLoad {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final List<String> PAGES = List.of("index.xhtml", "nodes.xhtml", "alerts.xhtml",
            "alerts.xhtml?state=all", "alerts.xhtml?state=all&kind=high_cpu", "agents.xhtml", "pool.xhtml", "chains.xhtml",
            "peers.xhtml", "operators.xhtml", "audit.xhtml");

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).cookieHandler(new java.net.CookieManager()).build();

    private ConsoleLoad(URI base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: ConsoleLoad base-url user password-file seed-nodes rounds");
            System.exit(2);
        }
        ConsoleLoad load = new ConsoleLoad(URI.create(args[0]));
        int seedNodes = Integer.parseInt(args[3]);
        if (seedNodes > 0) {
            load.seed(seedNodes);
        }
        String password = java.nio.file.Files.readString(java.nio.file.Path.of(args[2])).strip();
        load.logIn(args[1], password);
        load.measure(Integer.parseInt(args[4]));
    }

    private void seed(int nodes) throws Exception {
        String run = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);
        ExecutorService senders = Executors.newFixedThreadPool(16);
        AtomicLong sent = new AtomicLong();
        long started = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            String node = "console-load-" + run + "-" + i;
            done.add(senders.submit(() -> {
                long now = System.currentTimeMillis();
                send(node, sample(node, 1, now - 2_000, 0.2, 0.5, 0.5));
                send(node, sample(node, 2, now - 1_000, 0.99, 0.97, 0.96));
                sent.addAndGet(2);
                return null;
            }));
        }
        for (Future<?> each : done) {
            each.get();
        }
        senders.shutdown();
        System.out.printf("seeded %d nodes (%d samples) in %.1f s; waiting for the agents' alerts%n", nodes, sent.get(),
                (System.nanoTime() - started) / 1e9);
    }

    private static TelemetrySample sample(String node, long seq, long atMs, double cpu, double memory, double storage) {
        return new TelemetrySample(node, "basic", "testnet", BigDecimal.valueOf(atMs, 3), seq, 1000 + seq, 1L, 3L, 2.5e5, null, null,
                4L, 40.0, 16_384.0, 0.95, cpu, memory, storage, 3600.0 + seq, null);
    }

    private void send(String node, TelemetrySample sample) throws IOException, InterruptedException {
        String body = BatchPayloadWriter.batch(node, BigDecimal.valueOf(System.currentTimeMillis(), 3), List.of(sample), 0)
                .toString();
        while (true) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve(IngestAddresses.INGEST_PATH))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 202) {
                return;
            }
            if (answer.statusCode() != 429 && answer.statusCode() != 503) {
                throw new IOException("ingest answered " + answer.statusCode() + ": " + answer.body());
            }
            Thread.sleep(1_000);
        }
    }

    private void logIn(String user, String password) throws IOException, InterruptedException {
        URI login = base.resolve("/console/login.xhtml");
        String page = http.send(HttpRequest.newBuilder(login).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher state = VIEW_STATE.matcher(page);
        if (!state.find()) {
            throw new IOException("no login form at " + login);
        }
        String form = "login=login&login%3Auser=" + encode(user) + "&login%3Apassword=" + encode(password)
                + "&login%3Asubmit=&jakarta.faces.ViewState=" + encode(state.group(1));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(login)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 302) {
            throw new IOException("the login as " + user + " was refused (" + answer.statusCode() + ")");
        }
    }

    private void measure(int rounds) throws IOException, InterruptedException {
        System.out.printf("%-40s %8s %8s %8s %8s%n", "page", "p50 ms", "p95 ms", "max ms", "KiB");
        for (String page : PAGES) {
            URI uri = base.resolve("/console/" + page);
            get(uri);
            long[] millis = new long[rounds];
            int bytes = 0;
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                HttpResponse<String> answer = get(uri);
                millis[i] = (System.nanoTime() - start) / 1_000_000;
                bytes = answer.body().length();
            }
            Arrays.sort(millis);
            System.out.printf("%-40s %8d %8d %8d %8d%n", page, millis[rounds / 2], millis[(int) Math.ceil(rounds * 0.95) - 1],
                    millis[rounds - 1], bytes / 1024);
        }
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException(uri + " answered " + answer.statusCode());
        }
        return answer;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
