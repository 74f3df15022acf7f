package io.vantaechonebula.telemetry.signing;

import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.telemetry.IngestAddresses;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Signs what a node sends with its key, the key id being its node id (the key's address). */
public final class NodeSigner {

    private final Ed25519PrivateKey key;
    private final String nodeId;
    private final Clock clock;

    public NodeSigner(Ed25519PrivateKey key, Clock clock) {
        this.key = key;
        this.nodeId = key.publicKey().address().hex();
        this.clock = clock;
    }

    public NodeSigner(Ed25519PrivateKey key) {
        this(key, Clock.systemUTC());
    }

    public String nodeId() {
        return nodeId;
    }

    public Ed25519PrivateKey key() {
        return key;
    }

    /** The headers an HTTP request carries: Content-Digest, Signature-Input and Signature. */
    public Map<String, String> httpHeaders(String method, String path, byte[] body) {
        String digest = ContentDigest.of(body);
        MessageSignature.Fields signed = MessageSignature.sign(key, nodeId, clock.instant().getEpochSecond(),
                MessageSignature.HTTP_COMPONENTS, component -> switch (component) {
                    case "@method" -> Optional.of(method);
                    case "@path" -> Optional.of(path);
                    case "content-digest" -> Optional.of(digest);
                    default -> Optional.empty();
                });
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ContentDigest.HEADER, digest);
        headers.put(MessageSignature.SIGNATURE_INPUT, signed.signatureInput());
        headers.put(MessageSignature.SIGNATURE, signed.signature());
        return headers;
    }

    /** The properties a JMS message carries: the same signature, over the body's digest alone. */
    public Map<String, String> messageProperties(byte[] body) {
        String digest = ContentDigest.of(body);
        MessageSignature.Fields signed = MessageSignature.sign(key, nodeId, clock.instant().getEpochSecond(),
                MessageSignature.MESSAGE_COMPONENTS, component -> "content-digest".equals(component) ? Optional.of(digest) : Optional.empty());
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(IngestAddresses.CONTENT_DIGEST_PROPERTY, digest);
        properties.put(IngestAddresses.SIGNATURE_INPUT_PROPERTY, signed.signatureInput());
        properties.put(IngestAddresses.SIGNATURE_PROPERTY, signed.signature());
        return properties;
    }
}
