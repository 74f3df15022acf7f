package io.vantaechonebula.agent.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScenarioScoreTest {

    private static final long ATTACK = 1_763_800_000_000L;
    private static final Set<String> ATTACK_KINDS = Set.of("pool_flood", "node_silent", "high_latency");

    @Test
    void theFirstAlertOfADetectingKindAfterTheAttackIsTheDetectionAndTheRestAreFalseAlarms() {
        Outcome outcome = Outcome.of("pool flood", Set.of("pool_flood"), ATTACK, List.of(
                alert("pool_flood", ATTACK + 9_000), alert("pool_flood", ATTACK + 4_000),
                alert("node_silent", ATTACK + 20_000),
                alert("pool_flood", ATTACK - 60_000),
                alert("unusual_cpu_usage", ATTACK + 1_000)), ATTACK_KINDS, false);

        assertThat(outcome.timeToDetectMs()).hasValue(4_000);
        assertThat(outcome.falseAlarms()).as("silent after, flood before; a CPU pattern is no attack kind").isEqualTo(2);
    }

    @Test
    void onASharedChainAnAlertStillOpenFromAnEarlierRunCountsByItsLastSighting() {
        JsonObject extended = Json.createObjectBuilder(alert("double_spend", ATTACK - 120_000))
                .add("lastSeen", Instant.ofEpochMilli(ATTACK + 1_500).toString()).build();

        assertThat(Outcome.of("double spend", Set.of("double_spend"), ATTACK, List.of(extended), Set.of("double_spend"), true)
                .timeToDetectMs()).hasValue(1_500);
        assertThat(Outcome.of("double spend", Set.of("double_spend"), ATTACK, List.of(extended), Set.of("double_spend"), false)
                .falseAlarms()).isEqualTo(1);
    }

    @Test
    void precisionRecallAndTimesOverRuns() {
        List<Outcome> runs = List.of(
                Outcome.of("flood", Set.of("pool_flood"), ATTACK, List.of(alert("pool_flood", ATTACK + 2_000)), ATTACK_KINDS, false),
                Outcome.of("flood", Set.of("pool_flood"), ATTACK, List.of(alert("pool_flood", ATTACK + 6_000),
                        alert("high_latency", ATTACK + 1_000)), ATTACK_KINDS, false),
                Outcome.of("flood", Set.of("pool_flood"), ATTACK, List.of(), ATTACK_KINDS, false),
                Outcome.of("flood", Set.of("pool_flood"), ATTACK, List.of(alert("pool_flood", ATTACK + 10_000)), ATTACK_KINDS, false));

        ScenarioScore score = ScenarioScore.of("flood", runs);

        assertThat(score.detected()).isEqualTo(3);
        assertThat(score.falseAlarms()).isEqualTo(1);
        assertThat(score.precision().getAsDouble()).isEqualTo(0.75, within(1e-12));
        assertThat(score.recall().getAsDouble()).isEqualTo(0.75, within(1e-12));
        assertThat(score.medianDetectMs().getAsDouble()).isEqualTo(6_000.0);
        assertThat(score.maxDetectMs().getAsDouble()).isEqualTo(10_000.0);
    }

    @Test
    void normalTrafficHasOnlyFalseAlarms() {
        ScenarioScore score = ScenarioScore.of("normal", List.of(
                Outcome.of("normal", Set.of(), -1, List.of(alert("high_latency", ATTACK)), ATTACK_KINDS, false),
                Outcome.of("normal", Set.of(), -1, List.of(), ATTACK_KINDS, false)));

        assertThat(score.attack()).isFalse();
        assertThat(score.falseAlarms()).isEqualTo(1);
        assertThat(score.precision()).isEmpty();
        assertThat(score.recall()).isEmpty();
    }

    private static JsonObject alert(String kind, long firstSeenMs) {
        return Json.createObjectBuilder().add("kind", kind).add("firstSeen", Instant.ofEpochMilli(firstSeenMs).toString())
                .add("lastSeen", Instant.ofEpochMilli(firstSeenMs).toString())
                .add("evidence", Json.createObjectBuilder()).build();
    }
}
