package io.vantaechonebula.it;

import static io.vantaechonebula.it.Telemetry.batch;
import static io.vantaechonebula.it.Telemetry.newNodeId;
import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.agent.VantaCommand;
import jakarta.jms.MapMessage;
import jakarta.jms.TextMessage;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@ExtendWith(ArquillianExtension.class)
class IngestOverJmsIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return VantaEar.asBuilt();
    }

    @TempDir
    Path dir;

    @Test
    void storesABatchSentStraightToTheBroker() throws Exception {
        String node = newNodeId("jms");
        try (Broker broker = new Broker()) {
            broker.sendText(batch(node, 1, 2).toString());
        }
        JsonObject stored = Api.nodeWithSamples(node, 2).orElseThrow();
        assertThat(stored.getJsonNumber("samplesStored").longValue()).isEqualTo(2);
    }

    @Test
    void storesAResentMessageOnce() throws Exception {
        String node = newNodeId("jms-dupe");
        double duplicatesBefore = Metrics.value("vanta_pool_samples_duplicate_total");
        try (Broker broker = new Broker()) {
            broker.sendText(batch(node, 1, 3).toString());
            broker.sendText(batch(node, 1, 3).toString());
        }
        Api.eventually(() -> Metrics.value("vanta_pool_samples_duplicate_total"), seen -> seen >= duplicatesBefore + 3);
        assertThat(Api.nodeWithSamples(node, 3).orElseThrow().getJsonNumber("samplesStored").longValue()).isEqualTo(3);
    }

    @Test
    void sendCommandOverHttpAndOverJmsEndsInTheSameRows() throws Exception {
        String node = newNodeId("send");
        Path file = dir.resolve("samples.json");
        Files.writeString(file, "[" + batch(node, 1, 2) + "," + batch(node, 3, 2) + "]");

        assertThat(vanta("send", "--http", Api.BASE, "--file", file.toString())).isZero();
        JsonArray overHttp = sortedSamples(node, 4);
        assertThat(vanta("send", "--jms", Broker.address(), "--user", Broker.USER, "--password", Broker.PASSWORD,
                "--file", file.toString())).isZero();
        // The same file over the other path: wait until the pool has read it, then the rows are unchanged.
        double duplicatesBefore = Metrics.value("vanta_pool_samples_duplicate_total");
        assertThat(vanta("send", "--jms", Broker.address(), "--user", Broker.USER, "--password", Broker.PASSWORD,
                "--file", file.toString())).isZero();
        Api.eventually(() -> Metrics.value("vanta_pool_samples_duplicate_total"), seen -> seen >= duplicatesBefore + 4);

        JsonArray afterJms = sortedSamples(node, 4);
        assertThat(afterJms).hasSize(4);
        assertThat(withoutReceiptTimes(afterJms)).isEqualTo(withoutReceiptTimes(overHttp));
    }

    @Test
    void sendCommandRefusesAnInvalidFileAndSendsNothing() throws Exception {
        String node = newNodeId("send-bad");
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "[" + batch(node, 1, 1) + ", {\"node_id\": \"" + node + "\", \"data_batch\": []}]");
        StringWriter err = new StringWriter();

        int exit = new CommandLine(new VantaCommand()).setErr(new PrintWriter(err))
                .execute("send", "--jms", Broker.address(), "--user", Broker.USER, "--password", Broker.PASSWORD,
                        "--file", file.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("Nothing was sent").contains("payload 1: data_batch: is empty");
        assertThat(Api.get("/api/v1/nodes/" + node).status()).isEqualTo(404);
    }

    @Test
    void movesAMessageThatIsNotJsonToTheDeadLetterQueueWithItsReason() throws Exception {
        String marker = newNodeId("poison");
        String messageId;
        try (Broker broker = new Broker()) {
            TextMessage message = broker.session().createTextMessage("this is not telemetry " + marker);
            broker.send(message);
            messageId = message.getJMSMessageID();
        }
        JsonObject letter = deadLetter(messageId);
        assertThat(letter.getString("reason")).startsWith("invalid telemetry: $: is not valid JSON");
        assertThat(letter.getString("bodyExcerpt")).contains(marker);
    }

    @Test
    void movesAnInvalidBatchToTheDeadLetterQueueAndStoresNothingOfIt() throws Exception {
        String node = newNodeId("poison-batch");
        JsonObject invalid = jakarta.json.Json.createObjectBuilder(batch(node, 1, 2)).add("batch_size", 7).build();
        String messageId;
        try (Broker broker = new Broker()) {
            TextMessage message = broker.session().createTextMessage(invalid.toString());
            broker.send(message);
            messageId = message.getJMSMessageID();
        }
        assertThat(deadLetter(messageId).getString("reason")).contains("batch_size: says 7 but data_batch holds 2");
        assertThat(Api.get("/api/v1/nodes/" + node).status()).isEqualTo(404);
    }

    @Test
    void movesAMessageOfTheWrongKindToTheDeadLetterQueue() throws Exception {
        String messageId;
        try (Broker broker = new Broker()) {
            MapMessage message = broker.session().createMapMessage();
            message.setString("node_id", "map-node");
            broker.send(message);
            messageId = message.getJMSMessageID();
        }
        assertThat(deadLetter(messageId).getString("reason")).contains("must be a TextMessage");
    }

    private static JsonObject deadLetter(String originalMessageId) {
        Api.Answer answer = Api.eventually(() -> TestOperators.getAsViewer("/api/v1/pool/dead-letters?limit=1000"),
                a -> a.status() == 200 && find(a.array(), originalMessageId) != null);
        JsonObject letter = find(answer.array(), originalMessageId);
        assertThat(letter).as("dead letter for message " + originalMessageId).isNotNull();
        return letter;
    }

    private static JsonObject find(JsonArray letters, String originalMessageId) {
        return letters.getValuesAs(JsonObject.class).stream()
                .filter(letter -> originalMessageId.equals(letter.getString("originalMessageId", null)))
                .findFirst().orElse(null);
    }

    private static int vanta(String... args) {
        return new CommandLine(new VantaCommand()).execute(args);
    }

    private static JsonArray sortedSamples(String node, int expected) {
        Api.nodeWithSamples(node, expected).orElseThrow();
        return Api.get("/api/v1/nodes/" + node + "/samples?limit=100").array();
    }

    private static List<String> withoutReceiptTimes(JsonArray samples) {
        return samples.getValuesAs(JsonObject.class).stream()
                .map(sample -> jakarta.json.Json.createObjectBuilder(sample).remove("received_at").build().toString())
                .sorted()
                .toList();
    }
}
