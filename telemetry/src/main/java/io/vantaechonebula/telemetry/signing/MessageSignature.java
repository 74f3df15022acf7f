package io.vantaechonebula.telemetry.signing;

import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.Ed25519PublicKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP Message Signature (RFC 9421) with {@code alg="ed25519"}: the signature base built from
 * the covered components and the signature parameters, signed by a node's key, carried in the
 * {@code Signature-Input} and {@code Signature} fields under one label.
 */
public final class MessageSignature {

    public static final String SIGNATURE_INPUT = "Signature-Input";
    public static final String SIGNATURE = "Signature";
    public static final String ALGORITHM = "ed25519";
    static final String LABEL = "vanta";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What an HTTP request's signature covers, at least. */
    public static final List<String> HTTP_COMPONENTS = List.of("@method", "@path", "content-digest");
    /** What a JMS message's signature covers: there is no method or path, only the body. */
    public static final List<String> MESSAGE_COMPONENTS = List.of("content-digest");

    /** A component's value in the message at hand: a field's value, or a derived component's ({@code @method}). */
    @FunctionalInterface
    public interface Components {
        Optional<String> value(String component);
    }

    /** The two field values a signer adds. */
    public record Fields(String signatureInput, String signature) {
    }

    /** A signature as a message claims it, before anyone checked it. */
    public record Claimed(String label, List<String> components, Map<String, Object> parameters, String keyId,
                          long created, Long expires, byte[] signature) {

        /**
         * Checks this signature against the key, over the message's components.
         *
         * @param required components it must cover, at least
         */
        public void verify(Ed25519PublicKey key, Components message, List<String> required) throws SignatureException {
            for (String component : required) {
                if (!components.contains(component)) {
                    throw new SignatureException("the signature does not cover " + component + "; cover at least " + required);
                }
            }
            byte[] base = base(components, message, serialize(components, parameters)).getBytes(StandardCharsets.UTF_8);
            if (!key.verifies(base, signature)) {
                throw new SignatureException("the signature does not verify with the key registered for " + keyId
                        + ": signed by another key, or over other values than were sent");
            }
        }
    }

    private MessageSignature() {
    }

    public static Fields sign(Ed25519PrivateKey key, String keyId, long createdSeconds, List<String> components, Components message) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("created", createdSeconds);
        parameters.put("keyid", keyId);
        parameters.put("alg", ALGORITHM);
        // Ed25519 is deterministic: without a nonce, the same body signed twice in one second would
        // be the same signature, and the second send would be refused as a replay.
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        parameters.put("nonce", Base64.getUrlEncoder().withoutPadding().encodeToString(nonce));
        String serialized = serialize(components, parameters);
        byte[] signature;
        try {
            signature = key.sign(base(components, message, serialized).getBytes(StandardCharsets.UTF_8));
        } catch (SignatureException e) {
            throw new IllegalArgumentException("cannot sign: " + e.getMessage(), e);
        }
        return new Fields(LABEL + "=" + serialized, LABEL + "=:" + Base64.getEncoder().encodeToString(signature) + ":");
    }

    /** Reads the first signature of the two fields; the label ties the parameters to the signature. */
    public static Claimed read(String signatureInput, String signature) throws SignatureException {
        Map<String, StructuredDictionary.Member> inputs = StructuredDictionary.parse(signatureInput, SIGNATURE_INPUT);
        Map<String, StructuredDictionary.Member> signatures = StructuredDictionary.parse(signature, SIGNATURE);
        if (inputs.isEmpty()) {
            throw new SignatureException("the " + SIGNATURE_INPUT + " header names no signature");
        }
        Map.Entry<String, StructuredDictionary.Member> first = inputs.entrySet().iterator().next();
        String label = first.getKey();
        if (!(first.getValue().value() instanceof List<?> list)) {
            throw new SignatureException(SIGNATURE_INPUT + " " + label + " must be a list of components, like"
                    + " (\"@method\" \"@path\" \"content-digest\")");
        }
        List<String> components = list.stream().map(String.class::cast).toList();
        if (components.stream().distinct().count() != components.size()) {
            throw new SignatureException(SIGNATURE_INPUT + " " + label + " names a component twice");
        }
        Map<String, Object> parameters = first.getValue().parameters();
        Object alg = parameters.get("alg");
        if (alg != null && !ALGORITHM.equals(alg)) {
            throw new SignatureException("the signature's alg is " + alg + "; nodes sign with alg=\"" + ALGORITHM + "\"");
        }
        if (!(parameters.get("keyid") instanceof String keyId)) {
            throw new SignatureException(SIGNATURE_INPUT + " " + label + " has no keyid; it is the node id");
        }
        if (!(parameters.get("created") instanceof Long created)) {
            throw new SignatureException(SIGNATURE_INPUT + " " + label + " has no created time (epoch seconds)");
        }
        Object expires = parameters.get("expires");
        if (expires != null && !(expires instanceof Long)) {
            throw new SignatureException(SIGNATURE_INPUT + " " + label + " has an expires that is not a whole number");
        }
        StructuredDictionary.Member signed = signatures.get(label);
        if (signed == null || !(signed.value() instanceof byte[] bytes)) {
            throw new SignatureException("the " + SIGNATURE + " header has no signature labelled " + label + " as "
                    + SIGNATURE_INPUT + " does");
        }
        if (bytes.length != Ed25519PrivateKey.SIGNATURE_BYTES) {
            throw new SignatureException("an ed25519 signature is " + Ed25519PrivateKey.SIGNATURE_BYTES + " bytes, this one "
                    + bytes.length);
        }
        return new Claimed(label, components, parameters, keyId, created, (Long) expires, bytes);
    }

    /** The signature base (RFC 9421 §2.5). */
    static String base(List<String> components, Components message, String serializedParameters) throws SignatureException {
        StringBuilder base = new StringBuilder();
        for (String component : components) {
            String value = message.value(component).orElseThrow(() -> new SignatureException(
                    "the signature covers " + component + ", which this message does not have"));
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new SignatureException("the value of " + component + " holds a line break");
            }
            base.append(StructuredDictionary.quote(component)).append(": ").append(value.strip()).append('\n');
        }
        return base.append("\"@signature-params\": ").append(serializedParameters).toString();
    }

    static String serialize(List<String> components, Map<String, Object> parameters) {
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < components.size(); i++) {
            out.append(i == 0 ? "" : " ").append(StructuredDictionary.quote(components.get(i)));
        }
        out.append(')');
        parameters.forEach((name, value) -> {
            out.append(';').append(name);
            if (value instanceof Boolean b && b) {
                return;
            }
            out.append('=');
            if (value instanceof String s) {
                out.append(StructuredDictionary.quote(s));
            } else if (value instanceof StructuredDictionary.Token token) {
                out.append(token.text());
            } else if (value instanceof byte[] bytes) {
                out.append(':').append(Base64.getEncoder().encodeToString(bytes)).append(':');
            } else {
                out.append(value);
            }
        });
        return out.toString();
    }
}
