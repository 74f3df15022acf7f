package io.vantaechonebula.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks that every batch in {@link PoolLoad}'s ack logs is stored, each sample exactly once, by
 * reading the nodes' raw samples back over {@code GET /api/v1/nodes/{id}/metrics?resolution=raw},
 * a second (1,000 samples) at a time. Exits 1 when an acknowledged sample is missing or doubled.
 *
 * <p>Usage: {@code PoolVerify pool-url ack-log...}
 */
public final class PoolVerify {

    private static final long WINDOW_MILLIS = 1000;

    private record Node(long startMillis, Map<Long, Integer> acked) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: PoolVerify pool-url ack-log...");
            System.exit(2);
        }
        URI pool = URI.create(args[0]);
        Map<String, Node> nodes = new TreeMap<>();
        long ackedSamples = 0;
        for (int i = 1; i < args.length; i++) {
            for (String line : Files.readAllLines(Path.of(args[i]))) {
                String[] fields = line.trim().split(" ");
                if (fields.length != 4) {
                    continue;
                }
                Node node = nodes.computeIfAbsent(fields[0], id -> new Node(Long.parseLong(fields[3]), new HashMap<>()));
                long first = Long.parseLong(fields[1]);
                for (long seq = first; seq < first + Long.parseLong(fields[2]); seq++) {
                    node.acked().merge(seq, 1, Integer::sum);
                    ackedSamples++;
                }
            }
        }
        HttpClient http = HttpClient.newHttpClient();
        long missing = 0;
        long doubled = 0;
        long storedUnacked = 0;
        for (Map.Entry<String, Node> entry : nodes.entrySet()) {
            Node node = entry.getValue();
            long lastSeq = node.acked().keySet().stream().mapToLong(Long::longValue).max().orElse(-1);
            Map<Long, Integer> stored = new HashMap<>();
            // Sent but unacknowledged batches may lie beyond the last acknowledged one: read a little further.
            for (long from = node.startMillis(); from <= node.startMillis() + lastSeq + 10 * WINDOW_MILLIS; from += WINDOW_MILLIS) {
                JsonObject answer = get(http, pool.resolve("/api/v1/nodes/" + entry.getKey() + "/metrics?resolution=raw&from="
                        + seconds(from) + "&to=" + seconds(from + WINDOW_MILLIS))).asJsonObject();
                for (JsonValue point : answer.getJsonArray("points")) {
                    stored.merge(point.asJsonObject().getJsonNumber("seq").longValue(), 1, Integer::sum);
                }
            }
            for (Long seq : node.acked().keySet()) {
                int times = stored.getOrDefault(seq, 0);
                if (times == 0) {
                    missing++;
                } else if (times > 1) {
                    doubled++;
                }
            }
            storedUnacked += stored.keySet().stream().filter(seq -> !node.acked().containsKey(seq)).count();
        }
        System.out.printf("%,d acknowledged samples of %d nodes: %,d missing, %,d stored more than once; %,d stored"
                + " that were sent but never acknowledged (the crash came between storing and answering)%n",
                ackedSamples, nodes.size(), missing, doubled, storedUnacked);
        System.exit(missing == 0 && doubled == 0 ? 0 : 1);
    }

    private static String seconds(long millis) {
        return java.math.BigDecimal.valueOf(millis, 3).toPlainString();
    }

    private static JsonValue get(HttpClient http, URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readValue();
        }
    }
}
