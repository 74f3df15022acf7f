package io.vantaechonebula.telemetry.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageSignatureTest {

    /** RFC 9421 Appendix B.1.4, test-key-ed25519. */
    private static final Ed25519PrivateKey RFC_KEY = new Ed25519PrivateKey(
            Base64.getUrlDecoder().decode("n4Ni-HpISpVObnQMW0wOhCKROaIKqKtW_2ZYb2p9KcU"));
    private static final long NOW = 1_763_800_000L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private static final byte[] BODY = "{\"node_id\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    private final Ed25519PrivateKey key = Ed25519PrivateKey.generate(new SecureRandom());
    private final NodeSigner signer = new NodeSigner(key, CLOCK);
    private final SignatureCheck check = new SignatureCheck(CLOCK, new ReplayGuard());

    @Test
    void signsRfc9421sEd25519ExampleAsTheRfcDoes() throws Exception {
        // Appendix B.2.6: the signature base, and the signature the RFC gives for it (Ed25519 is deterministic).
        Map<String, String> request = Map.of("date", "Tue, 20 Apr 2021 02:07:55 GMT", "@method", "POST", "@path", "/foo",
                "@authority", "example.com", "content-type", "application/json", "content-length", "18");
        List<String> components = List.of("date", "@method", "@path", "@authority", "content-type", "content-length");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("created", 1618884473L);
        parameters.put("keyid", "test-key-ed25519");
        String base = MessageSignature.base(components, name -> Optional.ofNullable(request.get(name)),
                MessageSignature.serialize(components, parameters));

        assertThat(base).isEqualTo("""
                "date": Tue, 20 Apr 2021 02:07:55 GMT
                "@method": POST
                "@path": /foo
                "@authority": example.com
                "content-type": application/json
                "content-length": 18
                "@signature-params": ("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519\"""");
        assertThat(Base64.getEncoder().encodeToString(RFC_KEY.sign(base.getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==");

        MessageSignature.Claimed claimed = MessageSignature.read("sig-b26=(\"date\" \"@method\" \"@path\" \"@authority\" "
                + "\"content-type\" \"content-length\");created=1618884473;keyid=\"test-key-ed25519\"",
                "sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:");
        claimed.verify(RFC_KEY.publicKey(), name -> Optional.ofNullable(request.get(name)), List.of("@method", "@path"));
        assertThat(claimed.keyId()).isEqualTo("test-key-ed25519");
    }

    @Test
    void aSignedRequestVerifiesOnceAndItsReplayIsRefused() throws Exception {
        Map<String, String> headers = signer.httpHeaders("POST", "/api/v1/pool/ingest", BODY);
        assertThat(headers.get("Signature-Input")).startsWith("vanta=(\"@method\" \"@path\" \"content-digest\");created=" + NOW
                + ";keyid=\"" + signer.nodeId() + "\";alg=\"ed25519\"");

        ContentDigest.check(headers.get("Content-Digest"), BODY);
        check.check(claimed(headers), key.publicKey(), request("POST", "/api/v1/pool/ingest", headers),
                MessageSignature.HTTP_COMPONENTS, null);
        assertThatThrownBy(() -> check.check(claimed(headers), key.publicKey(), request("POST", "/api/v1/pool/ingest", headers),
                MessageSignature.HTTP_COMPONENTS, null)).hasMessageContaining("used before");
    }

    @Test
    void theSameBodySignedTwiceInOneSecondIsTwoRequestsNotAReplay() throws Exception {
        Map<String, String> first = signer.httpHeaders("POST", "/api/v1/pool/ingest", BODY);
        Map<String, String> second = signer.httpHeaders("POST", "/api/v1/pool/ingest", BODY);
        assertThat(second.get("Signature")).isNotEqualTo(first.get("Signature"));
        check.check(claimed(first), key.publicKey(), request("POST", "/api/v1/pool/ingest", first), MessageSignature.HTTP_COMPONENTS, null);
        check.check(claimed(second), key.publicKey(), request("POST", "/api/v1/pool/ingest", second), MessageSignature.HTTP_COMPONENTS, null);
    }

    @Test
    void aRedeliveredMessageIsNotAReplayButTheSameSignatureInAnotherMessageIs() throws Exception {
        Map<String, String> properties = signer.messageProperties(BODY);
        MessageSignature.Claimed claimed = MessageSignature.read(properties.get("vanta_signature_input"), properties.get("vanta_signature"));
        MessageSignature.Components message = name -> "content-digest".equals(name)
                ? Optional.of(properties.get("vanta_content_digest")) : Optional.empty();
        check.check(claimed, key.publicKey(), message, MessageSignature.MESSAGE_COMPONENTS, "ID:1");
        check.check(claimed, key.publicKey(), message, MessageSignature.MESSAGE_COMPONENTS, "ID:1");
        assertThatThrownBy(() -> check.check(claimed, key.publicKey(), message, MessageSignature.MESSAGE_COMPONENTS, "ID:2"))
                .hasMessageContaining("used before");
    }

    @Test
    void anotherKeyAnotherPathAnotherBodyOrAStaleSignatureIsRefusedWithTheReason() throws Exception {
        Map<String, String> headers = signer.httpHeaders("POST", "/api/v1/pool/ingest", BODY);
        Ed25519PrivateKey stranger = Ed25519PrivateKey.generate(new SecureRandom());
        assertThatThrownBy(() -> check.check(claimed(headers), stranger.publicKey(), request("POST", "/api/v1/pool/ingest", headers),
                MessageSignature.HTTP_COMPONENTS, null)).hasMessageContaining("does not verify with the key registered");
        assertThatThrownBy(() -> check.check(claimed(headers), key.publicKey(), request("POST", "/api/v1/nodes/registrations", headers),
                MessageSignature.HTTP_COMPONENTS, null)).hasMessageContaining("does not verify");
        assertThatThrownBy(() -> ContentDigest.check(headers.get("Content-Digest"), "{}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("does not match the body");

        NodeSigner late = new NodeSigner(key, Clock.fixed(Instant.ofEpochSecond(NOW - 301), ZoneOffset.UTC));
        Map<String, String> stale = late.httpHeaders("POST", "/api/v1/pool/ingest", BODY);
        assertThatThrownBy(() -> check.check(claimed(stale), key.publicKey(), request("POST", "/api/v1/pool/ingest", stale),
                MessageSignature.HTTP_COMPONENTS, null)).hasMessageContaining("created 301 s ago");

        Map<String, String> bodyOnly = signer.messageProperties(BODY);
        MessageSignature.Claimed jms = MessageSignature.read(bodyOnly.get("vanta_signature_input"), bodyOnly.get("vanta_signature"));
        assertThatThrownBy(() -> check.check(jms, key.publicKey(), name -> Optional.of(bodyOnly.get("vanta_content_digest")),
                MessageSignature.HTTP_COMPONENTS, null)).hasMessageContaining("does not cover @method");
    }

    @Test
    void aMessageThatWaitedOnTheBrokerForAnHourIsTakenOverJmsButNotOverHttp() throws Exception {
        NodeSigner anHourAgo = new NodeSigner(key, Clock.fixed(Instant.ofEpochSecond(NOW - 3600), ZoneOffset.UTC));
        Map<String, String> properties = anHourAgo.messageProperties(BODY);
        MessageSignature.Claimed claimed = MessageSignature.read(properties.get("vanta_signature_input"), properties.get("vanta_signature"));
        MessageSignature.Components message = name -> Optional.of(properties.get("vanta_content_digest"));
        check.check(claimed, key.publicKey(), message, MessageSignature.MESSAGE_COMPONENTS, "ID:7", SignatureCheck.QUEUED_MAX_AGE_SECONDS);
        assertThatThrownBy(() -> check.check(claimed, key.publicKey(), message, MessageSignature.MESSAGE_COMPONENTS, "ID:7"))
                .hasMessageContaining("created 3600 s ago");
    }

    @Test
    void theReplayGuardForgetsTheOldestWhenFullAndNeverRefusesForBeingFull() throws Exception {
        ReplayGuard small = new ReplayGuard(2);
        small.firstUse(new byte[] {1}, NOW + 300, null, NOW);
        small.firstUse(new byte[] {2}, NOW + 300, null, NOW);
        small.firstUse(new byte[] {3}, NOW + 300, null, NOW);
        assertThat(small.size()).isEqualTo(2);
        small.firstUse(new byte[] {1}, NOW + 300, null, NOW);
        assertThatThrownBy(() -> small.firstUse(new byte[] {3}, NOW + 300, null, NOW)).hasMessageContaining("used before");
    }

    @Test
    void malformedSignatureHeadersAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> MessageSignature.read(null, "x=:AA==:")).hasMessageContaining("Signature-Input header is missing");
        assertThatThrownBy(() -> MessageSignature.read("vanta=(\"@method\");created=1;keyid=\"k\";alg=\"rsa-pss-sha512\"", "vanta=:AA==:"))
                .hasMessageContaining("alg is rsa-pss-sha512");
        assertThatThrownBy(() -> MessageSignature.read("vanta=(\"@method\");keyid=\"k\"", "vanta=:AA==:"))
                .hasMessageContaining("no created time");
        assertThatThrownBy(() -> MessageSignature.read("vanta=(\"@method\");created=1;keyid=\"k\"", "other=:AA==:"))
                .hasMessageContaining("no signature labelled vanta");
        assertThatThrownBy(() -> MessageSignature.read("vanta=(\"@method\");created=1;keyid=\"k\"", "vanta=:AA==:"))
                .hasMessageContaining("is 64 bytes, this one 1");
        assertThatThrownBy(() -> MessageSignature.read("vanta=(\"@method\";created=1", "vanta=:AA==:"))
                .hasMessageContaining("not a structured field dictionary");
        assertThatThrownBy(() -> MessageSignature.read("vanta=(" + "\"a\" ".repeat(3000) + ")", "vanta=:AA==:"))
                .hasMessageContaining("at most 8192");
        assertThatThrownBy(() -> MessageSignature.read("vanta=(\"@method\" \"@method\");created=1;keyid=\"k\"", "vanta=:AA==:"))
                .hasMessageContaining("names a component twice");
    }

    private static MessageSignature.Claimed claimed(Map<String, String> headers) throws SignatureException {
        return MessageSignature.read(headers.get("Signature-Input"), headers.get("Signature"));
    }

    private static MessageSignature.Components request(String method, String path, Map<String, String> headers) {
        return name -> switch (name) {
            case "@method" -> Optional.of(method);
            case "@path" -> Optional.of(path);
            default -> Optional.ofNullable(headers.get(name.equals("content-digest") ? "Content-Digest" : name));
        };
    }
}
