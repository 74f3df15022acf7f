package io.vantaechonebula.agent.scenario;

import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.KeyFile;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./vanta scenarios}: labelled attack scenarios against the running system, scored by the alerts they draw. */
@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = {"Drives the running system over its public interfaces (telemetry to the pool, transactions to"
                + " the chain API) with labelled scenarios, each on its own made-up nodes and chains, and reads the"
                + " agents' alerts back: per scenario, precision, recall and time to detect."})
public class ScenarioCommand implements Callable<Integer> {

    /** How long the alerts of a run are awaited after its attack: two Learning Engine rounds and then some. */
    static final long AWAIT_MS = 35_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--url", defaultValue = "http://localhost:8080", paramLabel = "URL",
            description = "The system (default: ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--runs", defaultValue = "3", paramLabel = "N", description = "Runs of each scenario (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--funder", defaultValue = "config/chains/testnet-dev.key", paramLabel = "FILE",
            description = "A funded testnet key file that pays the double-spend scenario's senders (default: ${DEFAULT-VALUE},"
                    + " the published development account)")
    Path funder;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (runs < 1) {
            err.println("vanta scenarios: --runs must be 1 or more, got " + runs);
            return 2;
        }
        SystemClient system;
        try {
            system = new SystemClient(url);
            system.get("api/v1/system/status");
        } catch (RuntimeException e) {
            err.println("vanta scenarios: " + e.getMessage());
            return 2;
        }
        Ed25519PrivateKey funderKey;
        try {
            funderKey = KeyFile.read(funder);
        } catch (IOException | RuntimeException e) {
            err.println("vanta scenarios: cannot read the funder's key " + funder + " (" + e.getMessage() + "); give a funded"
                    + " testnet key file with --funder");
            return 2;
        }
        List<Scenario> scenarios = Stream.concat(TelemetryScenarios.all().stream(),
                Stream.of(TransactionScenarios.doubleSpend(funderKey))).toList();
        Set<String> attackKinds = new HashSet<>();
        scenarios.forEach(s -> attackKinds.addAll(s.detectedBy()));
        Map<String, List<Outcome>> outcomes = new LinkedHashMap<>();
        scenarios.forEach(s -> outcomes.put(s.name(), new ArrayList<>()));
        ExecutorService pool = Executors.newFixedThreadPool(scenarios.size());
        try {
            for (int run = 1; run <= runs; run++) {
                String tag = Long.toString(System.currentTimeMillis(), 36) + "-" + run;
                List<Future<Outcome>> running = new ArrayList<>();
                for (Scenario scenario : scenarios) {
                    running.add(pool.submit(() -> runOnce(system, scenario, tag, attackKinds)));
                }
                for (Future<Outcome> future : running) {
                    Outcome outcome = future.get();
                    outcomes.get(outcome.scenario()).add(outcome);
                }
                out.printf("run %d of %d done%n", run, runs);
                out.flush();
            }
        } catch (ExecutionException e) {
            err.println("vanta scenarios: a scenario could not run: " + e.getCause().getMessage());
            return 1;
        } finally {
            pool.shutdownNow();
        }
        print(out, outcomes);
        return 0;
    }

    private static Outcome runOnce(SystemClient system, Scenario scenario, String tag, Set<String> attackKinds)
            throws InterruptedException {
        Scenario.Played played = scenario.play().play(system, tag);
        long until = Math.max(played.attackStartMs(), System.currentTimeMillis()) + AWAIT_MS;
        boolean shared = played.sender() != null;
        Outcome outcome = Outcome.of(scenario.name(), scenario.detectedBy(), played.attackStartMs(), List.of(), attackKinds, shared);
        while (System.currentTimeMillis() < until) {
            played.keepAlive().run();
            Thread.sleep(1_000);
            outcome = Outcome.of(scenario.name(), scenario.detectedBy(), played.attackStartMs(), alerts(system, played), attackKinds,
                    shared);
        }
        return outcome;
    }

    private static List<JsonObject> alerts(SystemClient system, Scenario.Played played) {
        StringBuilder query = new StringBuilder("api/v1/alerts?state=all&limit=100");
        if (played.nodeId() != null) {
            query.append("&node=").append(URLEncoder.encode(played.nodeId(), StandardCharsets.UTF_8));
        }
        if (played.chain() != null) {
            query.append("&chain=").append(URLEncoder.encode(played.chain(), StandardCharsets.UTF_8));
        }
        return system.get(query.toString()).getJsonArray("alerts").getValuesAs(JsonObject.class).stream()
                .filter(alert -> played.sender() == null || alert.getJsonObject("evidence").getString("sender", "")
                        .equals(played.sender()))
                .toList();
    }

    private static void print(PrintWriter out, Map<String, List<Outcome>> outcomes) {
        out.printf("%n%-30s %5s %9s %12s %10s %7s %11s %9s%n", "scenario", "runs", "detected", "false alarms",
                "precision", "recall", "median ttd", "max ttd");
        outcomes.forEach((name, runs) -> {
            ScenarioScore score = ScenarioScore.of(name, runs);
            out.printf(Locale.ROOT, "%-30s %5d %9s %12d %10s %7s %11s %9s%n", name, score.runs(),
                    score.attack() ? String.valueOf(score.detected()) : "-", score.falseAlarms(),
                    fraction(score.precision()), fraction(score.recall()), seconds(score.medianDetectMs()),
                    seconds(score.maxDetectMs()));
        });
        out.flush();
    }

    private static String fraction(java.util.OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.2f", value.getAsDouble()) : "-";
    }

    private static String seconds(java.util.OptionalDouble millis) {
        return millis.isPresent() ? String.format(Locale.ROOT, "%.1f s", millis.getAsDouble() / 1000) : "-";
    }
}
