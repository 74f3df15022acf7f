package io.vantaechonebula.it;

import static io.vantaechonebula.it.Telemetry.batch;
import static io.vantaechonebula.it.Telemetry.newNodeId;
import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.telemetry.signing.NodeSigner;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Nodes prove who they are: a node registers its key (signed by it), and from then on the pool takes
 * its telemetry only with that key's signature, over HTTP and JMS; unregistered nodes stay
 * unverified; an admin revokes.
 */
@ExtendWith(ArquillianExtension.class)
class NodeIdentityIT {

    private static final String INGEST = "/api/v1/pool/ingest";
    private static final String REGISTRATIONS = "/api/v1/nodes/registrations";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return VantaEar.asBuilt();
    }

    @BeforeAll
    static void operators() {
        TestOperators.add();
    }

    @Test
    void theServerRegistersItsOwnNodeAndItsTelemetryIsVerified() {
        String server = Api.get("/api/v1/system/status").object().getString("nodeId");
        Api.Answer registration = Api.eventually(() -> Api.get(REGISTRATIONS + "/" + server), answer -> answer.status() == 200);
        assertThat(registration.status()).isEqualTo(200);
        assertThat(registration.object().getBoolean("revoked")).isFalse();
        JsonObject node = Api.eventually(() -> Api.get("/api/v1/nodes/" + server),
                answer -> answer.status() == 200 && answer.object().getBoolean("verified")).object();
        assertThat(node.getBoolean("verified")).as("the server's own samples come signed").isTrue();
    }

    @Test
    void aRegisteredNodesUnsignedForgedOrReplayedBatchIsRefusedAndStoresNothingItsSignedBatchIsStoredVerified() throws Exception {
        Ed25519PrivateKey key = Ed25519PrivateKey.generate(new SecureRandom());
        NodeSigner signer = new NodeSigner(key);
        String node = signer.nodeId();
        assertThat(NodeKeys.register(signer, key).status()).isEqualTo(201);
        assertThat(NodeKeys.register(signer, key).status()).as("registering the same key again changes nothing").isEqualTo(200);

        Api.Answer unsigned = Api.post(INGEST, batch(node, 1, 2).toString());
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(unsigned.object().getString("type")).isEqualTo("urn:vantaechonebula:problem:sender-not-verified");
        assertThat(unsigned.object().getString("detail")).contains("registered a key", "must be signed");

        byte[] body = batch(node, 1, 2).toString().getBytes(StandardCharsets.UTF_8);
        NodeSigner stranger = new NodeSigner(Ed25519PrivateKey.generate(new SecureRandom()));
        Map<String, String> strangers = new HashMap<>(stranger.httpHeaders("POST", INGEST, body));
        strangers.put("Signature-Input", strangers.get("Signature-Input").replace(stranger.nodeId(), node));
        assertThat(Api.post(INGEST, body, strangers).status()).as("signed by another key in the node's name").isEqualTo(401);

        Map<String, String> signed = signer.httpHeaders("POST", INGEST, body);
        byte[] tampered = batch(node, 1, 3).toString().getBytes(StandardCharsets.UTF_8);
        assertThat(Api.post(INGEST, tampered, signed).object().getString("detail")).contains("does not match the body");
        assertThat(Api.get("/api/v1/nodes/" + node).status()).as("nothing refused was stored").isEqualTo(404);

        Api.Answer accepted = Api.post(INGEST, body, signed);
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.object().getString("sender")).isEqualTo("verified");
        Api.Answer replayed = Api.post(INGEST, body, signed);
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.object().getString("detail")).contains("used before");

        JsonObject stored = Api.nodeWithSamples(node, 2).orElseThrow();
        assertThat(stored.getBoolean("verified")).isTrue();
        assertThat(stored.getJsonNumber("samplesStored").longValue()).isEqualTo(2);
    }

    @Test
    void anUnregisteredNodesUnsignedBatchIsStoredAsUnverified() {
        String node = newNodeId("seed");
        Api.Answer answer = Api.post(INGEST, batch(node, 1, 2).toString());
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.object().getString("sender")).isEqualTo("unverified");
        assertThat(Api.nodeWithSamples(node, 2).orElseThrow().getBoolean("verified")).isFalse();
    }

    @Test
    void unsignedSamplesSentInANodesNameBeforeItRegisteredDoNotPreemptItsSignedOnes() {
        Ed25519PrivateKey key = Ed25519PrivateKey.generate(new SecureRandom());
        NodeSigner signer = new NodeSigner(key);
        String node = signer.nodeId();
        assertThat(Api.post(INGEST, batch(node, 1, 3).toString()).status()).as("a stranger takes seq 1-3 first").isEqualTo(202);
        Api.nodeWithSamples(node, 3).orElseThrow();

        assertThat(NodeKeys.register(signer, key).status()).isEqualTo(201);
        byte[] body = batch(node, 1, 3).toString().getBytes(StandardCharsets.UTF_8);
        assertThat(Api.post(INGEST, body, signer.httpHeaders("POST", INGEST, body)).status()).isEqualTo(202);

        JsonObject stored = Api.nodeWithSamples(node, 6).orElseThrow();
        assertThat(stored.getJsonNumber("samplesStored").longValue()).as("the signed seq 1-3 are stored beside the stranger's").isEqualTo(6);
        assertThat(stored.getBoolean("verified")).isTrue();
    }

    @Test
    void overJmsARegisteredNodesUnsignedMessageIsADeadLetterWithTheReasonAndItsSignedOneIsStored() throws Exception {
        Ed25519PrivateKey key = Ed25519PrivateKey.generate(new SecureRandom());
        NodeSigner signer = new NodeSigner(key);
        String node = signer.nodeId();
        assertThat(NodeKeys.register(signer, key).status()).isEqualTo(201);
        String unsignedId;
        try (Broker broker = new Broker()) {
            TextMessage unsigned = broker.session().createTextMessage(batch(node, 1, 2).toString());
            broker.send(unsigned);
            unsignedId = unsigned.getJMSMessageID();
            String signedBody = batch(node, 3, 2).toString();
            TextMessage signed = broker.session().createTextMessage(signedBody);
            for (Map.Entry<String, String> property : signer.messageProperties(signedBody.getBytes(StandardCharsets.UTF_8)).entrySet()) {
                signed.setStringProperty(property.getKey(), property.getValue());
            }
            broker.send(signed);
        }
        JsonObject stored = Api.nodeWithSamples(node, 2).orElseThrow();
        assertThat(stored.getJsonNumber("samplesStored").longValue()).as("only the signed message's samples").isEqualTo(2);
        assertThat(stored.getBoolean("verified")).isTrue();
        Api.Answer letters = Api.eventually(() -> TestOperators.getAsViewer("/api/v1/pool/dead-letters?limit=1000"),
                answer -> answer.status() == 200 && answer.body().contains(unsignedId));
        JsonObject letter = letters.array().getValuesAs(JsonObject.class).stream()
                .filter(l -> unsignedId.equals(l.getString("originalMessageId", ""))).findFirst().orElseThrow();
        assertThat(letter.getString("reason")).contains("refused sender", "must be signed");
    }

    @Test
    void aRegistrationIsSignedByTheKeyItRegistersAndNamesItsAddress() {
        Ed25519PrivateKey key = Ed25519PrivateKey.generate(new SecureRandom());
        NodeSigner other = new NodeSigner(Ed25519PrivateKey.generate(new SecureRandom()));
        String node = key.publicKey().address().hex();
        byte[] body = NodeKeys.registration(node, key).getBytes(StandardCharsets.UTF_8);
        Map<String, String> byAnother = new HashMap<>(other.httpHeaders("POST", REGISTRATIONS, body));
        byAnother.put("Signature-Input", byAnother.get("Signature-Input").replace(other.nodeId(), node));
        Api.Answer refused = Api.post(REGISTRATIONS, body, byAnother);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(Api.post(REGISTRATIONS, body, Map.of()).status()).as("unsigned").isEqualTo(401);
        assertThat(Api.get(REGISTRATIONS + "/" + node).status()).isEqualTo(404);

        byte[] notItsAddress = NodeKeys.registration("node-7", key).getBytes(StandardCharsets.UTF_8);
        Api.Answer wrongId = Api.post(REGISTRATIONS, notItsAddress, new NodeSigner(key).httpHeaders("POST", REGISTRATIONS, notItsAddress));
        assertThat(wrongId.status()).isEqualTo(400);
        assertThat(wrongId.object().getString("detail")).contains("node_id must be the key's address, " + node);
    }

    @Test
    void anAdminRevokesAKeyAuditedAndTheNodeIsRefusedSignedOrNot() {
        Ed25519PrivateKey key = Ed25519PrivateKey.generate(new SecureRandom());
        NodeSigner signer = new NodeSigner(key);
        String node = signer.nodeId();
        assertThat(NodeKeys.register(signer, key).status()).isEqualTo(201);

        assertThat(Api.sendAs("DELETE", REGISTRATIONS + "/" + node + "/key", null, TestOperators.OPERATOR,
                TestOperators.OPERATOR_PASSWORD).status()).as("an operator may not").isEqualTo(403);
        Api.Answer revoked = TestOperators.asAdmin("DELETE", REGISTRATIONS + "/" + node + "/key", null);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.object().getString("revokedBy")).isEqualTo(TestOperators.ADMIN);

        byte[] body = batch(node, 1, 1).toString().getBytes(StandardCharsets.UTF_8);
        Api.Answer refused = Api.eventually(() -> Api.post(INGEST, body, signer.httpHeaders("POST", INGEST, body)),
                answer -> answer.status() == 401);
        assertThat(refused.object().getString("detail")).contains("was revoked by " + TestOperators.ADMIN);
        assertThat(NodeKeys.register(signer, key).status()).as("a revoked node cannot register itself again").isEqualTo(409);

        Api.Answer audit = TestOperators.asAdmin("GET", "/api/v1/audit?limit=1000", null);
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.array().getValuesAs(JsonObject.class)).anyMatch(entry -> entry.getString("subject").equals(node)
                && entry.getString("action").equals("node-key-revoked") && entry.getString("actor").equals(TestOperators.ADMIN));
        assertThat(Api.get("/api/v1/audit").status()).as("the audit log is an admin's").isEqualTo(401);
    }
}
