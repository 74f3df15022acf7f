package io.vantaechonebula.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code vanta node} as a process of its own, streaming to the pool like a remote node. */
@ExtendWith(ArquillianExtension.class)
class NodeAgentIT {

    private static final Pattern NODE_LINE = Pattern.compile("^Node \\S+ \\(([0-9a-f]{40}), ");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return VantaEar.asBuilt();
    }

    @TempDir
    Path state;

    @Test
    void aNodeProcessStreamsItsSamplesOverJmsAndOverHttp() throws Exception {
        for (String transport : List.of("jms", "http")) {
            Process node = start(transport, "--local-node", Api.BASE);
            try {
                String nodeId = nodeIdOf(node);
                JsonObject stored = Api.nodeWithSamples(nodeId, 2).orElseThrow(() ->
                        new AssertionError("no samples arrived over " + transport));
                assertThat(stored.getString("nodeType")).isEqualTo("simple");
                List<JsonObject> samples = Api.get("/api/v1/nodes/" + nodeId + "/samples?limit=10").array()
                        .getValuesAs(JsonObject.class);
                assertThat(samples).extracting(s -> s.getString("chain_id")).contains("testnet", "mainnet");
                assertThat(samples.get(0).getJsonObject("blockchain_metrics").getJsonNumber("current_height").longValue())
                        .as("the local node's height").isPositive();
            } finally {
                node.destroy();
                node.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    private Process start(String transport, String... more) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "io.vantaechonebula.agent.VantaCommand", "node",
                "--name", "it-" + transport, "--state-dir", state.resolve(transport).toString(),
                "--pool", Api.BASE, "--transport", transport, "--type", "simple", "--interval", "1",
                "--user", Broker.USER, "--password", Broker.PASSWORD));
        command.addAll(List.of(more));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String nodeIdOf(Process node) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            Matcher matcher = NODE_LINE.matcher(line);
            if (matcher.find()) {
                String id = matcher.group(1);
                // Keep draining its output, so the process never blocks on a full pipe.
                Thread drain = new Thread(() -> lines.lines().forEach(ignored -> { }));
                drain.setDaemon(true);
                drain.start();
                return id;
            }
        }
        throw new AssertionError("vanta node ended without saying its node id (exit " + node.waitFor() + ")");
    }
}
