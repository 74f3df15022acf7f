package io.vantaechonebula.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonPatchBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bodies {@code bad-input.corpus} names, in a small language a reviewer can read:
 * <ul>
 *   <li>{@code -}: no body;</li>
 *   <li>{@code batch CHANGES}: a valid batch of one sample of the case's node, changed: each change
 *       {@code where.path=JSON} sets a field ({@code sample.} in the sample, {@code top.} in the batch,
 *       {@code block.} in a valid block the sample reports), {@code -where.path} removes one;
 *       changes are separated by {@code ;};</li>
 *   <li>{@code contribution CHANGES}: a valid contribution ({@code data.} in its node_data, {@code top.});</li>
 *   <li>{@code registration CHANGES}: a registration's shape ({@code top.}), unsigned;</li>
 *   <li>{@code json TEXT}: the text as it is;</li>
 *   <li>{@code gen KIND N}: a generated body (depth, array, digits, bom, latin1, size, dupkeys).</li>
 * </ul>
 * In JSON and text, {@code ${node}} is the case's fresh node id, {@code ${now}} the time in epoch
 * seconds, {@code ${future}} 400 s ahead, {@code ${nowms}} now in milliseconds.
 */
final class CorpusBodies {

    private CorpusBodies() {
    }

    static byte[] body(String spec, String node) {
        if (spec.equals("-")) {
            return null;
        }
        int space = spec.indexOf(' ');
        String kind = space < 0 ? spec : spec.substring(0, space);
        String rest = space < 0 ? "" : spec.substring(space + 1);
        return switch (kind) {
            case "batch" -> utf8(changed(batch(node), rest, node));
            case "contribution" -> utf8(changed(contribution(node), rest, node));
            case "registration" -> utf8(changed(registration(node), rest, node));
            case "json" -> utf8(substitute(rest, node));
            case "gen" -> generated(rest, node);
            default -> throw new IllegalStateException("unknown body " + spec);
        };
    }

    /**
     * A valid batch whose node reports no latency (it has no peers): the corpus's accepted nodes must
     * not pose as fast peers in other tests' recommendations, which name the fastest nodes reporting.
     */
    private static JsonObject batch(String node) {
        return Json.createObjectBuilder()
                .add("node_id", node).add("batch_size", 1).add("submission_time", Telemetry.now())
                .add("data_batch", Json.createArrayBuilder().add(Telemetry.sample(node, 1)
                        .add("network_metrics", Json.createObjectBuilder().add("peer_count", 0).addNull("average_latency")
                                .add("bandwidth_usage", 10240).add("connection_quality", 0.9))))
                .build();
    }

    private static JsonObject contribution(String node) {
        return Telemetry.contribution(Telemetry.contributionData().add("node_id", node).addNull("network_latency"));
    }

    private static JsonObject registration(String node) {
        return Json.createObjectBuilder().add("node_id", "0".repeat(40)).add("public_key", "0".repeat(64))
                .add("node_type", "basic").build();
    }

    private static String changed(JsonObject base, String changes, String node) {
        JsonObject body = base;
        if (changes.contains("block.")) {
            body = Json.createPatchBuilder().add("/data_batch/0/blocks", Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("height", 10).add("hash", "ab").add("miner", "cd").add("timestamp_ms", Telemetry.now() * 1000)
                    .add("transactions", 1).add("volume", 5).add("fees", 1).add("difficulty", 1.5)).build()).build().apply(body);
        }
        // Each value goes in as a placeholder and its text replaces it afterwards, exactly as the corpus
        // writes it: numbers no JSON reader holds (2,000 digits, 1e400) included.
        List<String> values = new ArrayList<>();
        for (String change : changes.isBlank() ? new String[0] : changes.split(";")) {
            JsonPatchBuilder patch = Json.createPatchBuilder();
            if (change.startsWith("-")) {
                patch.remove(pointer(change.substring(1)));
            } else {
                int equals = change.indexOf('=');
                values.add(substitute(change.substring(equals + 1), node));
                patch.add(pointer(change.substring(0, equals)), Json.createValue(placeholder(values.size() - 1)));
            }
            body = patch.build().apply(body);
        }
        String text = body.toString();
        for (int i = 0; i < values.size(); i++) {
            text = text.replace("\"" + placeholder(i) + "\"", values.get(i));
        }
        return text;
    }

    private static String placeholder(int index) {
        return "@@value-" + index + "@@";
    }

    private static String pointer(String where) {
        String path = where.replace('.', '/');
        if (path.startsWith("sample/")) {
            return "/data_batch/0/" + path.substring("sample/".length());
        }
        if (path.startsWith("block/")) {
            return "/data_batch/0/blocks/0/" + path.substring("block/".length());
        }
        if (path.startsWith("data/")) {
            return "/node_data/" + path.substring("data/".length());
        }
        if (path.startsWith("top/")) {
            return "/" + path.substring("top/".length());
        }
        throw new IllegalStateException("a change names sample., block., data. or top., not " + where);
    }

    private static String substitute(String text, String node) {
        long now = Telemetry.now();
        return text.replace("${node}", node).replace("${nowms}", Long.toString(now * 1000))
                .replace("${now}", Long.toString(now)).replace("${future}", Long.toString(now + 400));
    }

    private static byte[] generated(String spec, String node) {
        String[] parts = spec.split(" ");
        int n = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        return switch (parts[0]) {
            case "depth" -> utf8("[".repeat(n) + "]".repeat(n));
            case "objects" -> utf8("{\"a\":".repeat(n) + "1" + "}".repeat(n));
            case "array" -> utf8("{\"node_id\":\"" + node + "\",\"batch_size\":1,\"submission_time\":" + Telemetry.now()
                    + ",\"data_batch\":[" + "0,".repeat(n - 1) + "0]}");
            case "digits" -> utf8(changed(batch(node), "sample.blockchain_metrics.transaction_count=" + "9".repeat(n), node));
            case "bom" -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(batch(node).toString()));
            case "latin1" -> batch(node).toString().replace("testnet", "t\u00e9stnet").getBytes(StandardCharsets.ISO_8859_1);
            case "size" -> utf8("{\"node_id\":\"" + node + "\",\"pad\":\"" + "x".repeat(n) + "\"}");
            case "dupkeys" -> utf8(batch(node).toString().replaceFirst("\\{", "{\"node_id\":\"someone-else\","));
            default -> throw new IllegalStateException("unknown generator " + spec);
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
