package io.vantaechonebula.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Restarts the Payara Server the test run started, as an operator would, and waits until it is ready again. */
final class ServerControl {

    private ServerControl() {
    }

    static void restart() throws IOException, InterruptedException {
        Path asadmin = Path.of(System.getProperty("payara.home"), "bin", "asadmin");
        Process process = new ProcessBuilder(asadmin.toString(), "restart-domain", "domain1")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("asadmin restart-domain did not succeed");
        }
        Api.Answer ready = Api.eventually(ServerControl::readiness, answer -> answer.status() == 200);
        if (ready.status() != 200) {
            throw new IllegalStateException("The server is not ready after its restart: " + ready.body());
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
