package io.vantaechonebula.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The project's own {@code ./vanta} script, run as an operator runs it, on the test's run directory. */
final class Vanta {

    private static final Path SCRIPT = Path.of(System.getProperty("vanta.script"));
    private static final Path RUN = Path.of(System.getProperty("vanta.run-dir"));

    /** What a command printed (stdout and stderr together) and its exit code. */
    record Result(int exit, String output) {
    }

    private Vanta() {
    }

    static Result run(Duration timeout, String... arguments) throws IOException, InterruptedException {
        return run(timeout, Map.of(), arguments);
    }

    static Result run(Duration timeout, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(SCRIPT.getParent().toFile()).redirectErrorStream(true);
        builder.environment().put("VANTA_RUN_DIR", RUN.toString());
        builder.environment().put("VANTA_READY_TIMEOUT", "420");
        builder.environment().putAll(environment);
        Process process = builder.start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            return new Result(-1, output.join() + "\n(./vanta " + String.join(" ", arguments) + " ran past " + timeout + ")");
        }
        return new Result(process.exitValue(), output.join());
    }

    static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
        }
    }

    /** One valid telemetry batch of one sample, timed now, as docs/ingest.md shows it. */
    static String batch(String node) {
        return batch(node, 1);
    }

    /** One valid telemetry batch of the node's sample with that sequence number, timed now. */
    static String batch(String node, int seq) {
        double now = System.currentTimeMillis() / 1000.0;
        return """
                {"node_id": "%1$s", "submission_time": %2$s, "batch_size": 1, "data_batch": [{"timestamp": %2$s, "node_id": "%1$s",
                 "node_type": "full", "chain_id": "testnet", "seq": %3$d,
                 "blockchain_metrics": {"current_height": 10, "blocks_processed_last_interval": 1, "transaction_count": 3, "mining_hash_rate": 100},
                 "network_metrics": {"peer_count": 3, "average_latency": 20, "bandwidth_usage": 1024, "connection_quality": 0.9},
                 "performance_metrics": {"cpu_usage": 0.2, "memory_usage": 0.3, "uptime": 60}}]}
                """.formatted(node, now, seq);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
