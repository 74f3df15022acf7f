package io.vantaechonebula.agent.nab;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's files as the harness reads them: {@code windows.json} (file → windows of
 * timestamps) and each file's {@code timestamp,value} rows, in order.
 */
final class NabCorpus {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

    /** One file: its rows and its windows as timestamps. */
    record DataFile(String name, List<LocalDateTime> times, double[] values, List<LocalDateTime[]> windows) {

        /** The windows as row indices: from the first row at or after the start to the last at or before the end. */
        List<LabelledSeries.Window> rowWindows() {
            List<LabelledSeries.Window> rows = new ArrayList<>();
            for (LocalDateTime[] window : windows) {
                int first = 0;
                while (first < times.size() && times.get(first).isBefore(window[0])) {
                    first++;
                }
                int last = first;
                while (last + 1 < times.size() && !times.get(last + 1).isAfter(window[1])) {
                    last++;
                }
                if (first < times.size()) {
                    rows.add(new LabelledSeries.Window(first, last));
                }
            }
            return rows;
        }
    }

    private NabCorpus() {
    }

    /** Reads every file {@code windows} names, from under {@code dataDir}. */
    static List<DataFile> read(Path dataDir, Path windowsFile) throws IOException {
        JsonObject windows;
        try (Reader reader = Files.newBufferedReader(windowsFile); JsonReader json = Json.createReader(reader)) {
            windows = json.readObject();
        } catch (JsonParsingException | ClassCastException e) {
            throw new IOException(windowsFile + " is not a JSON object of file → [[start, end], …]: " + e.getMessage(), e);
        }
        List<DataFile> files = new ArrayList<>();
        for (Map.Entry<String, JsonValue> entry : windows.entrySet()) {
            files.add(readFile(dataDir, entry.getKey(), entry.getValue()));
        }
        return files;
    }

    private static DataFile readFile(Path dataDir, String name, JsonValue windowList) throws IOException {
        Path csv = dataDir.resolve(name);
        if (!Files.isRegularFile(csv)) {
            throw new IOException(windowsNames(name) + " but there is no file " + csv + "; give --data the folder that holds "
                    + name.split("/")[0]);
        }
        List<LocalDateTime> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split(",");
            try {
                times.add(LocalDateTime.parse(parts[0].trim(), TIME));
                values.add(Double.parseDouble(parts[1].trim()));
            } catch (DateTimeParseException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IOException(csv + " line " + (i + 1) + " is not 'yyyy-MM-dd HH:mm:ss,number': " + line);
            }
        }
        List<LocalDateTime[]> windows = new ArrayList<>();
        if (!(windowList instanceof JsonArray array)) {
            throw new IOException(windowsNames(name) + " with windows that are not a list");
        }
        for (JsonValue window : array) {
            if (!(window instanceof JsonArray pair) || pair.size() != 2 || !(pair.get(0) instanceof JsonString start)
                    || !(pair.get(1) instanceof JsonString end)) {
                throw new IOException(windowsNames(name) + " with a window that is not [start, end]: " + window);
            }
            try {
                windows.add(new LocalDateTime[] {LocalDateTime.parse(start.getString(), TIME),
                        LocalDateTime.parse(end.getString(), TIME)});
            } catch (DateTimeParseException e) {
                throw new IOException(windowsNames(name) + " with a window time that is not 'yyyy-MM-dd HH:mm:ss.ffffff': "
                        + window);
            }
        }
        return new DataFile(name, times, values.stream().mapToDouble(Double::doubleValue).toArray(), windows);
    }

    private static String windowsNames(String name) {
        return "the windows file names " + name;
    }
}
