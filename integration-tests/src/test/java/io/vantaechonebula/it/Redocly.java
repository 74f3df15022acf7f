package io.vantaechonebula.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Redocly CLI (npm {@code @redocly/cli}), the OpenAPI linter, with its recommended rules. */
final class Redocly {

    record Lint(int exitCode, String output) {
    }

    private Redocly() {
    }

    static Lint lint(Path document) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("redocly", "lint", "--extends=recommended", document.toString())
                .redirectErrorStream(true);
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process redocly;
        try {
            redocly = builder.start();
        } catch (IOException e) {
            throw new AssertionError("redocly is not on the PATH: npm install -g @redocly/cli, as .ci/run does", e);
        }
        redocly.getOutputStream().close();
        String output = new String(redocly.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!redocly.waitFor(120, TimeUnit.SECONDS)) {
            redocly.destroyForcibly();
            throw new AssertionError("redocly did not end within 2 minutes: " + output);
        }
        return new Lint(redocly.exitValue(), output);
    }
}
