package io.vantaechonebula.agent.nab;

import io.vantaechonebula.analysis.pattern.PatternRecognizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./vanta nab}: the Pattern Recognizer on the Numenta Anomaly Benchmark, scored by its rules. */
@Command(name = "nab", mixinStandardHelpOptions = true,
        description = {"Streams each benchmark file row by row through the Pattern Recognizer (the pool's code, one"
                + " configuration for every file, no look-ahead), writes each row's score, and scores the detections by"
                + " the benchmark's rules: all three profiles, normalised, one threshold for the corpus."})
public class NabCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The folder of the benchmark's data files")
    Path data;

    @Option(names = "--windows", required = true, paramLabel = "FILE", description = "The labelled windows (windows.json)")
    Path windows;

    @Option(names = "--scores", paramLabel = "DIR", defaultValue = "run/nab",
            description = "Where each file's rows and scores are written (default: ${DEFAULT-VALUE})")
    Path scores;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<NabCorpus.DataFile> files;
        try {
            files = NabCorpus.read(data, windows);
        } catch (IOException e) {
            err.println("vanta nab: " + e.getMessage());
            return 2;
        }
        long started = System.nanoTime();
        List<LabelledSeries> corpus = new ArrayList<>();
        long rows = 0;
        for (NabCorpus.DataFile file : files) {
            double[] rowScores = detect(file);
            rows += rowScores.length;
            corpus.add(new LabelledSeries(file.name(), rowScores, file.rowWindows()));
            write(file, rowScores);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("%d files, %,d rows, %d windows; detector ran at %,.0f rows/s; scores in %s%n", files.size(), rows,
                corpus.stream().mapToInt(series -> series.windows().size()).sum(), rows / seconds, scores);
        out.printf("%-20s %12s %10s %10s%n", "profile", "threshold", "raw", "score");
        for (Profile profile : Profile.ALL) {
            NabScorer.Result result = NabScorer.score(corpus, profile);
            out.printf("%-20s %12.6f %10.3f %10.1f%n", profile.name(), result.threshold(), result.raw(), result.normalised());
        }
        return 0;
    }

    /** Every row's score, each given before the detector sees the next row. */
    static double[] detect(NabCorpus.DataFile file) {
        PatternRecognizer recognizer = new PatternRecognizer();
        double[] values = file.values();
        double[] rowScores = new double[values.length];
        for (int row = 0; row < values.length; row++) {
            rowScores[row] = recognizer.next(file.times().get(row).toInstant(java.time.ZoneOffset.UTC).toEpochMilli(),
                    values[row]);
        }
        return rowScores;
    }

    private void write(NabCorpus.DataFile file, double[] rowScores) throws IOException {
        Path target = scores.resolve(file.name());
        Files.createDirectories(target.getParent());
        try (Writer writer = Files.newBufferedWriter(target)) {
            writer.write("timestamp,value,anomaly_score\n");
            for (int row = 0; row < rowScores.length; row++) {
                writer.write(file.times().get(row) + "," + file.values()[row] + "," + rowScores[row] + "\n");
            }
        }
    }
}
