package io.vantaechonebula.it;

import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.Hex;
import io.vantaechonebula.telemetry.signing.NodeSigner;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;

/** Registering a node's key as the node software does: the registration signed by the key it registers. */
final class NodeKeys {

    static final String REGISTRATIONS = "/api/v1/nodes/registrations";

    private NodeKeys() {
    }

    static Api.Answer register(NodeSigner signer, Ed25519PrivateKey key) {
        byte[] body = registration(signer.nodeId(), key).getBytes(StandardCharsets.UTF_8);
        return Api.post(REGISTRATIONS, body, signer.httpHeaders("POST", REGISTRATIONS, body));
    }

    static String registration(String nodeId, Ed25519PrivateKey key) {
        return Json.createObjectBuilder().add("node_id", nodeId).add("public_key", Hex.encode(key.publicKey().bytes()))
                .add("node_type", "basic").build().toString();
    }
}
