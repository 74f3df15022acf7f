package io.vantaechonebula.telemetry;

import static io.vantaechonebula.telemetry.Samples.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated hostile input for the telemetry door, widening the corpus's fixed cases: any number in any
 * metric is either taken within its physical range or refused naming its field (or, past 1,100 digits, the
 * document), and any text at all
 * is either a payload or a refusal, never another exception.
 */
class TelemetryParserProperties {

    /** Each metric's group, name and the largest value the door takes. */
    private static final Map<String, BigDecimal> LIMITS = Map.ofEntries(
            Map.entry("blockchain_metrics.current_height", BigDecimal.valueOf(PhysicalLimits.HEIGHT)),
            Map.entry("blockchain_metrics.blocks_processed_last_interval", BigDecimal.valueOf(PhysicalLimits.BLOCKS_PER_INTERVAL)),
            Map.entry("blockchain_metrics.transaction_count", BigDecimal.valueOf(PhysicalLimits.TRANSACTIONS)),
            Map.entry("blockchain_metrics.mining_hash_rate", BigDecimal.valueOf(PhysicalLimits.HASH_RATE)),
            Map.entry("network_metrics.peer_count", BigDecimal.valueOf(PhysicalLimits.PEERS)),
            Map.entry("network_metrics.average_latency", BigDecimal.valueOf(PhysicalLimits.LATENCY_MS)),
            Map.entry("network_metrics.bandwidth_usage", BigDecimal.valueOf(PhysicalLimits.BANDWIDTH)),
            Map.entry("network_metrics.connection_quality", BigDecimal.ONE),
            Map.entry("performance_metrics.cpu_usage", BigDecimal.ONE),
            Map.entry("performance_metrics.memory_usage", BigDecimal.ONE),
            Map.entry("performance_metrics.uptime", BigDecimal.valueOf(PhysicalLimits.UPTIME_SECONDS)));

    private final TelemetryParser parser = new TelemetryParser(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC), 1000);

    @Property(tries = 3000)
    void anyNumberInAnyMetricIsTakenWithinItsRangeOrRefusedByItsName(@ForAll("metrics") String metric,
                                                                     @ForAll("wildNumbers") String number) {
        String[] path = metric.split("\\.");
        JsonObject sample = Samples.sample("prop-node", 1).build();
        String body = Samples.batch("prop-node", Json.createObjectBuilder(sample)).toString()
                .replace("\"" + path[1] + "\":" + numberIn(sample, path), "\"" + path[1] + "\":" + number);
        try {
            TelemetryPayload payload = parser.parse(body, null);
            JsonNumber taken = payload.json().getJsonArray("data_batch").getJsonObject(0).getJsonObject(path[0])
                    .getJsonNumber(path[1]);
            assertThat(taken.bigDecimalValue()).as(metric + " = " + number)
                    .isBetween(BigDecimal.ZERO, LIMITS.get(metric));
        } catch (InvalidTelemetryException e) {
            // Named by its field, or (a number of over 1,100 characters, which the JSON reader itself refuses) by the document.
            assertThat(e.getMessage()).as(metric + " = " + number).containsAnyOf(path[1], "$: is not readable JSON: Number of");
        }
    }

    @Property(tries = 3000)
    void anyTextIsAPayloadOrARefusalNeverAnotherException(@ForAll("hostileText") String text) {
        try {
            parser.parse(text, null);
        } catch (InvalidTelemetryException e) {
            assertThat(e.errors()).isNotEmpty();
        }
    }

    @Provide
    Arbitrary<String> metrics() {
        return Arbitraries.of(LIMITS.keySet());
    }

    @Provide
    Arbitrary<String> wildNumbers() {
        Arbitrary<String> decimals = Arbitraries.bigDecimals().between(new BigDecimal("-1e30"), new BigDecimal("1e30"))
                .ofScale(3).map(BigDecimal::toPlainString);
        Arbitrary<String> exponents = Combinators.combine(Arbitraries.of("", "-"), Arbitraries.integers().between(1, 9),
                Arbitraries.integers().between(-400, 400)).as((sign, digit, exponent) -> sign + digit + "e" + exponent);
        Arbitrary<String> longDigits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(2000)
                .filter(digits -> digits.charAt(0) != '0');
        Arbitrary<String> edges = Arbitraries.of("0", "-0", "0.0", "1e308", "1.7976931348623157e308", "4.9e-324",
                String.valueOf(Long.MAX_VALUE), String.valueOf(Long.MIN_VALUE), "9223372036854775808", "1", "0.5");
        return Arbitraries.oneOf(decimals, exponents, longDigits, edges);
    }

    @Provide
    Arbitrary<String> hostileText() {
        JsonObjectBuilder valid = Json.createObjectBuilder(Samples.batch("prop-node", Samples.sample("prop-node", 1)));
        String good = valid.build().toString();
        Arbitrary<String> cut = Arbitraries.integers().between(0, good.length()).map(at -> good.substring(0, at));
        Arbitrary<String> nested = Arbitraries.integers().between(1, 20_000).map(depth -> "[".repeat(depth) + "]".repeat(depth));
        Arbitrary<String> spliced = Combinators.combine(Arbitraries.integers().between(0, good.length()),
                Arbitraries.strings().ofMaxLength(20)).as((at, junk) -> good.substring(0, at) + junk + good.substring(at));
        return Arbitraries.oneOf(cut, nested, spliced, Arbitraries.strings().ofMaxLength(200));
    }

    private static String numberIn(JsonObject sample, String[] path) {
        return sample.getJsonObject(path[0]).get(path[1]).toString();
    }
}
