package io.vantaechonebula.p2p.http;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamReadException;
import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.Ed25519PublicKey;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.crypto.Hex;
import io.vantaechonebula.chain.encoding.MalformedEncodingException;
import io.vantaechonebula.chain.finality.FinalityCertificate;
import io.vantaechonebula.p2p.gossip.Gossip;
import io.vantaechonebula.p2p.gossip.GossipKind;
import io.vantaechonebula.p2p.handshake.ChainHead;
import io.vantaechonebula.p2p.handshake.Hello;
import io.vantaechonebula.p2p.handshake.Refusal;
import io.vantaechonebula.p2p.sync.SyncBatch;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The JSON of the protocol's messages (docs/p2p-spec.md §2–3), both ways, checking every field read. */
public final class WireJson {

    /** Jackson's streaming parser, for the one answer read as a stream; its string limit is the answer's own. */
    private static final JsonFactory STREAMING = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(HttpPeerClient.MAX_BLOCKS_ANSWER_BYTES).build())
            .build();

    static final int MAX_CHAINS = 16;
    static final int MAX_TEXT = 256;
    static final int MAX_ADDRESSES = 100;

    private WireJson() {
    }

    public static JsonObject hello(Hello hello) {
        JsonArrayBuilder chains = Json.createArrayBuilder();
        for (ChainHead chain : hello.chains()) {
            chains.add(Json.createObjectBuilder().add("chainId", chain.chainId()).add("genesis", chain.genesis().toString())
                    .add("height", chain.height()).add("head", chain.head().toString())
                    .add("work", chain.work().toString(16)));
        }
        return Json.createObjectBuilder().add("protocolVersion", hello.protocolVersion()).add("nodeId", hello.nodeId())
                .add("publicKey", hello.publicKey().toString()).add("address", hello.address()).add("mode", hello.mode())
                .add("software", hello.software()).add("chains", chains).add("timestamp", hello.timestampMs())
                .add("signature", Hex.encode(hello.signature())).build();
    }

    public static Hello hello(JsonObject json) throws MalformedMessageException {
        JsonArray chainsJson = array(json, "chains");
        if (chainsJson.size() > MAX_CHAINS) {
            throw new MalformedMessageException("chains: " + chainsJson.size() + " chains, more than " + MAX_CHAINS);
        }
        List<ChainHead> chains = new ArrayList<>();
        for (int i = 0; i < chainsJson.size(); i++) {
            if (!(chainsJson.get(i) instanceof JsonObject chain)) {
                throw new MalformedMessageException("chains[" + i + "] must be an object");
            }
            long height = longValue(chain, "height");
            if (height < 0) {
                throw new MalformedMessageException("chains[" + i + "].height must not be negative");
            }
            chains.add(new ChainHead(text(chain, "chainId"), hash(chain, "genesis"), height, hash(chain, "head"),
                    work(chain, "chains[" + i + "].work")));
        }
        byte[] publicKey = hex(json, "publicKey", Ed25519PublicKey.LENGTH_BYTES);
        return new Hello((int) longValue(json, "protocolVersion"), text(json, "nodeId"), new Ed25519PublicKey(publicKey),
                text(json, "address"), text(json, "mode"), text(json, "software"), chains, longValue(json, "timestamp"),
                hex(json, "signature", Ed25519PrivateKey.SIGNATURE_BYTES));
    }

    public static JsonObject gossip(Gossip gossip) {
        return Json.createObjectBuilder().add("kind", gossip.kind().code()).add("chainId", gossip.chainId())
                .add("payload", Base64.getEncoder().encodeToString(gossip.payload())).build();
    }

    public static Gossip gossip(JsonObject json) throws MalformedMessageException {
        String kindCode = text(json, "kind");
        GossipKind kind = GossipKind.ofCode(kindCode).orElseThrow(() -> new MalformedMessageException(
                "kind must be transaction, block, vote or alert, not '" + kindCode + "'"));
        byte[] payload = base64(json, "payload");
        if (payload.length > Gossip.MAX_PAYLOAD_BYTES) {
            throw new MalformedMessageException("payload: " + payload.length + " bytes, more than " + Gossip.MAX_PAYLOAD_BYTES);
        }
        return new Gossip(kind, text(json, "chainId"), payload);
    }

    public static JsonObject blocksRequest(String chainId, List<Hash> locator, int max) {
        JsonArrayBuilder hashes = Json.createArrayBuilder();
        locator.forEach(hash -> hashes.add(hash.toString()));
        return Json.createObjectBuilder().add("chainId", chainId).add("locator", hashes).add("max", max).build();
    }

    /** A request for blocks, as read: chain, locator and how many. */
    public record BlocksRequest(String chainId, List<Hash> locator, int max) {
    }

    public static BlocksRequest blocksRequest(JsonObject json, int maxLocator) throws MalformedMessageException {
        JsonArray hashes = array(json, "locator");
        if (hashes.size() > maxLocator) {
            throw new MalformedMessageException("locator: " + hashes.size() + " hashes, more than " + maxLocator);
        }
        List<Hash> locator = new ArrayList<>();
        for (int i = 0; i < hashes.size(); i++) {
            locator.add(hashFrom(hashes.get(i), "locator[" + i + "]"));
        }
        long max = longValue(json, "max");
        if (max < 1) {
            throw new MalformedMessageException("max must be at least 1");
        }
        return new BlocksRequest(text(json, "chainId"), locator, (int) Math.min(max, Integer.MAX_VALUE));
    }

    public static JsonObject blocks(SyncBatch batch) {
        JsonArrayBuilder encoded = Json.createArrayBuilder();
        batch.blocks().forEach(block -> encoded.add(Base64.getEncoder().encodeToString(block.encode())));
        JsonArrayBuilder certificates = Json.createArrayBuilder();
        batch.certificates().forEach(certificate -> certificates.add(Base64.getEncoder().encodeToString(certificate.encode())));
        return Json.createObjectBuilder().add("blocks", encoded).add("certificates", certificates).build();
    }

    /**
     * A blocks answer read as it arrives: each block is decoded from its base64 as the parser streams it,
     * so an answer of up to 32 MiB never sits whole in memory, neither as bytes, nor as a JSON tree, nor
     * as one string per block (a light node syncs in a 128 MiB heap). Fields other than blocks and
     * certificates are skipped.
     */
    public static SyncBatch blocks(InputStream body, int maxBlocks) throws MalformedMessageException {
        List<Block> blocks = null;
        List<FinalityCertificate> certificates = List.of();
        try (JsonParser parser = STREAMING.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedMessageException("the body is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals("blocks")) {
                    blocks = new ArrayList<>();
                    readBase64Items(parser, "blocks", maxBlocks, blocks, bytes -> Block.decode(bytes, bytes.length / 100 + 1));
                } else if (name.equals("certificates")) {
                    certificates = new ArrayList<>();
                    readBase64Items(parser, "certificates", Integer.MAX_VALUE, certificates, FinalityCertificate::decode);
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw new MalformedMessageException("the body is not a blocks answer: it ends early");
            }
        } catch (IOException e) {
            throw new MalformedMessageException("the body is not a blocks answer: " + e.getMessage());
        }
        if (blocks == null) {
            throw new MalformedMessageException("blocks is missing");
        }
        if (certificates.size() > blocks.size()) {
            throw new MalformedMessageException("certificates: more than one for each block");
        }
        return new SyncBatch(blocks, certificates);
    }

    private interface Decoder<T> {
        T decode(byte[] bytes) throws MalformedEncodingException;
    }

    private static <T> void readBase64Items(JsonParser parser, String name, int most, List<T> into, Decoder<T> decoder)
            throws IOException, MalformedMessageException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new MalformedMessageException(name + " must be an array");
        }
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            int index = into.size();
            if (index == most) {
                throw new MalformedMessageException(name + ": more than the " + most + " blocks asked for");
            }
            if (token != JsonToken.VALUE_STRING) {
                throw new MalformedMessageException(name + "[" + index + "] must be a base64 string");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                parser.readBinaryValue(Base64Variants.MIME_NO_LINEFEEDS, bytes);
            } catch (StreamReadException e) {
                throw new MalformedMessageException(name + "[" + index + "] is not base64: " + e.getOriginalMessage());
            } catch (IllegalArgumentException e) {
                throw new MalformedMessageException(name + "[" + index + "] is not base64: " + e.getMessage());
            }
            try {
                into.add(decoder.decode(bytes.toByteArray()));
            } catch (MalformedEncodingException | IllegalArgumentException e) {
                throw new MalformedMessageException(name + "[" + index + "] does not decode: " + e.getMessage());
            }
        }
    }

    public static JsonObject peers(List<String> addresses) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        addresses.forEach(array::add);
        return Json.createObjectBuilder().add("peers", array).build();
    }

    public static List<String> peers(JsonObject json) throws MalformedMessageException {
        JsonArray array = array(json, "peers");
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < Math.min(array.size(), MAX_ADDRESSES); i++) {
            if (array.get(i) instanceof JsonString address && address.getString().length() <= MAX_TEXT
                    && (address.getString().startsWith("http://") || address.getString().startsWith("https://"))) {
                addresses.add(address.getString());
            }
        }
        return addresses;
    }

    /** A refusal as {@code application/problem+json} (RFC 9457), with the reason's code. */
    public static JsonObject refusal(Refusal refusal, int status) {
        return Json.createObjectBuilder().add("type", "urn:vantaechonebula:problem:p2p-" + refusal.reason().code())
                .add("title", "Refused by the peer").add("status", status).add("detail", refusal.detail())
                .add("reason", refusal.reason().code()).build();
    }

    public static JsonObject problem(String code, String title, int status, String detail) {
        return Json.createObjectBuilder().add("type", "urn:vantaechonebula:problem:" + code).add("title", title)
                .add("status", status).add("detail", detail).build();
    }

    public static JsonObject read(byte[] body) throws MalformedMessageException {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            // JsonException, IllegalStateException, and Parsson's plain RuntimeException for input nested too deep.
            throw new MalformedMessageException("the body is not a JSON object: " + e.getMessage());
        }
    }

    public static byte[] bytes(JsonObject json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonValue field(JsonObject json, String name) throws MalformedMessageException {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            throw new MalformedMessageException(name + " is missing");
        }
        return value;
    }

    private static String text(JsonObject json, String name) throws MalformedMessageException {
        if (!(field(json, name) instanceof JsonString string)) {
            throw new MalformedMessageException(name + " must be a string");
        }
        if (string.getString().length() > MAX_TEXT) {
            throw new MalformedMessageException(name + " is longer than " + MAX_TEXT + " characters");
        }
        return string.getString();
    }

    private static long longValue(JsonObject json, String name) throws MalformedMessageException {
        if (!(field(json, name) instanceof JsonNumber number) || !number.isIntegral()) {
            throw new MalformedMessageException(name + " must be a whole number");
        }
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            throw new MalformedMessageException(name + " is out of range");
        }
    }

    /** A chain's work: hexadecimal, without sign, of at most {@value ChainHead#MAX_WORK_BITS} bits. */
    private static BigInteger work(JsonObject chain, String name) throws MalformedMessageException {
        String text = text(chain, "work");
        if (text.isEmpty() || text.length() > ChainHead.MAX_WORK_BITS / 4 || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new MalformedMessageException(name + " must be hexadecimal, 1 to " + ChainHead.MAX_WORK_BITS / 4 + " digits");
        }
        return new BigInteger(text, 16);
    }

    private static JsonArray array(JsonObject json, String name) throws MalformedMessageException {
        if (!(field(json, name) instanceof JsonArray array)) {
            throw new MalformedMessageException(name + " must be an array");
        }
        return array;
    }

    private static Hash hash(JsonObject json, String name) throws MalformedMessageException {
        return hashFrom(field(json, name), name);
    }

    private static Hash hashFrom(JsonValue value, String name) throws MalformedMessageException {
        if (!(value instanceof JsonString string)) {
            throw new MalformedMessageException(name + " must be a hex string");
        }
        return Hash.of(hexBytes(string.getString(), name, Hash.LENGTH_BYTES));
    }

    private static byte[] hex(JsonObject json, String name, int length) throws MalformedMessageException {
        return hexBytes(text(json, name), name, length);
    }

    private static byte[] hexBytes(String text, String name, int length) throws MalformedMessageException {
        byte[] bytes;
        try {
            bytes = Hex.decode(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException(name + " must be hexadecimal");
        }
        if (bytes.length != length) {
            throw new MalformedMessageException(name + " must be " + length + " bytes (" + 2 * length + " hex digits), not "
                    + bytes.length);
        }
        return bytes;
    }

    private static byte[] base64(JsonObject json, String name) throws MalformedMessageException {
        if (!(field(json, name) instanceof JsonString string)) {
            throw new MalformedMessageException(name + " must be a base64 string");
        }
        return decodeBase64(string.getString(), name);
    }

    private static byte[] decodeBase64(String text, String name) throws MalformedMessageException {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException(name + " is not base64: " + e.getMessage());
        }
    }
}
