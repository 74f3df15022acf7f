package io.vantaechonebula.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server the test run started, Payara Server or WildFly (system property {@code vanta.server}), used
 * through its own administration tool as an operator would: asadmin, or WildFly's jboss-cli.
 */
final class ServerControl {

    private ServerControl() {
    }

    static boolean isWildFly() {
        return "wildfly".equals(System.getProperty("vanta.server", "payara"));
    }

    /** The server's configuration folder, where the operators file and the node's key live. */
    static Path configDir() {
        return Path.of(System.getProperty("vanta.server.config"));
    }

    /** Sets system properties in the running server, each given as {@code name=value}. */
    static void setProperties(String... assignments) throws IOException, InterruptedException {
        if (!isWildFly()) {
            List<String> escaped = new ArrayList<>();
            for (String assignment : assignments) {
                int equals = assignment.indexOf('=');
                String value = assignment.substring(equals + 1).replace(":", "\\:").replace("=", "\\=");
                escaped.add(assignment.substring(0, equals + 1) + value);
            }
            asadmin("create-system-properties", String.join(":", escaped));
            return;
        }
        for (String assignment : assignments) {
            int equals = assignment.indexOf('=');
            String name = assignment.substring(0, equals);
            removeProperty(name);
            cli("/system-property=" + name + ":add(value=\"" + assignment.substring(equals + 1).replace("\"", "\\\"") + "\")");
        }
    }

    /** Removes a system property from the running server; one that is not set is no error. */
    static void removeProperty(String name) throws IOException, InterruptedException {
        if (isWildFly()) {
            String output = run(cliCommand("/system-property=" + name + ":remove"), false);
            // WFLYCTL0216: no such resource, the property was not set. Anything else is the CLI failing.
            if (!output.contains("\"outcome\" => \"success\"") && !output.contains("WFLYCTL0216")) {
                throw new IllegalStateException("jboss-cli could not remove " + name + ": " + output);
            }
        } else {
            run(asadminCommand("delete-system-property", name), false);
        }
    }

    /**
     * Restarts the server as an operator would and waits until it is ready again. WildFly, started by the
     * tests' launcher and not by its own script, cannot start a new process of itself: it reloads, which
     * stops and starts every service of the server and the application with them.
     */
    static void restart() throws IOException, InterruptedException {
        if (isWildFly()) {
            cli("reload");
        } else {
            asadmin("restart-domain", "domain1");
        }
        Api.Answer ready = Api.eventually(ServerControl::readiness, answer -> answer.status() == 200);
        if (ready.status() != 200) {
            throw new IllegalStateException("The server is not ready after its restart: " + ready.body());
        }
    }

    /** Stops or resumes delivery from a queue to its consumers; producers can still send. */
    static void pauseConsumers(String queue, boolean paused) throws IOException, InterruptedException {
        if (isWildFly()) {
            // A queue the application defines is a runtime queue of the broker, its address jms.queue.<name>.
            cli("/subsystem=messaging-activemq/server=default/runtime-queue=jms.queue." + queue + (paused ? ":pause" : ":resume"));
            return;
        }
        try (BrokerAdmin broker = new BrokerAdmin()) {
            if (paused) {
                broker.pauseConsumers(queue);
            } else {
                broker.resume(queue);
            }
        } catch (javax.management.JMException e) {
            throw new IllegalStateException("The broker's administration refused: " + e, e);
        }
    }

    private static void asadmin(String... arguments) throws IOException, InterruptedException {
        run(asadminCommand(arguments), true);
    }

    private static void cli(String command) throws IOException, InterruptedException {
        run(cliCommand(command), true);
    }

    private static List<String> asadminCommand(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("payara.home"), "bin", "asadmin").toString());
        command.addAll(List.of(arguments));
        return command;
    }

    private static List<String> cliCommand(String operation) {
        // The timeout is also how long "reload" waits for the server to be back, the application deployed.
        return List.of(Path.of(System.getProperty("wildfly.home"), "bin", "jboss-cli.sh").toString(), "--connect",
                "--timeout=180000", "--command=" + operation);
    }

    /** Runs the server's tool and gives its output; failing the test when it does not succeed and {@code mustSucceed}. */
    private static String run(List<String> command, boolean mustSucceed) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within 5 minutes: " + output);
        }
        if (mustSucceed && process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " did not succeed: " + output);
        }
        return output;
    }

    private static Api.Answer readiness() {
        try {
            return Api.get("/health/ready");
        } catch (RuntimeException e) {
            return new Api.Answer(0, "", String.valueOf(e));
        }
    }
}
