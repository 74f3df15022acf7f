package io.vantaechonebula.web.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Prometheus' promtool (Debian's {@code prometheus} package; .ci/run installs it) and gives back what it said. */
final class Promtool {

    /** Where the shipped Prometheus files are, from this module's folder. */
    static final Path PROMETHEUS = Path.of("..", "deploy", "prometheus");

    record Result(int exitCode, String output) {
    }

    private Promtool() {
    }

    static Result run(Path folder, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("promtool is not on the PATH: install Debian's prometheus package"
                    + " (apt-get install prometheus), as .ci/run does", e);
        }
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("promtool " + String.join(" ", arguments) + " ended within a minute").isTrue();
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
