package io.vantaechonebula.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Restarts the Payara Server the test run started, as an operator would, and waits until it is ready again. */
final class ServerControl {

    private ServerControl() {
    }

    static void restart() throws IOException, InterruptedException {
        asadmin("restart-domain", "domain1");
        Api.Answer ready = Api.eventually(ServerControl::readiness, answer -> answer.status() == 200);
        if (ready.status() != 200) {
            throw new IllegalStateException("The server is not ready after its restart: " + ready.body());
        }
    }

    /** Runs an asadmin command against the test server, failing the test if it does not succeed. */
    static void asadmin(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("payara.home"), "bin", "asadmin").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("asadmin " + String.join(" ", arguments) + " did not succeed: " + output);
        }
    }

    private static Api.Answer readiness() {
        try {
            return Api.get("/health/ready");
        } catch (RuntimeException e) {
            return new Api.Answer(0, "", String.valueOf(e));
        }
    }
}
