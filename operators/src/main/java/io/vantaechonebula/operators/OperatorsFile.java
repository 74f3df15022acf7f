package io.vantaechonebula.operators;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operators file: one operator per line, {@code NAME ROLE[,ROLE] HASH}, the hash starting with
 * {@code !} for a disabled operator (as a locked account in /etc/shadow); blank lines and lines
 * starting with {@code #} are skipped. Written whole through a temporary file, readable by its owner only.
 */
public final class OperatorsFile {

    private static final String DISABLED = "!";

    private OperatorsFile() {
    }

    /** By name, in file order. @throws IllegalArgumentException naming the file and line that is wrong */
    public static Map<String, Operator> read(Path file) throws IOException {
        Map<String, Operator> operators = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                Operator operator = parse(line);
                if (operators.putIfAbsent(operator.name(), operator) != null) {
                    throw new IllegalArgumentException("operator '" + operator.name() + "' is listed twice");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return operators;
    }

    /** Adds an operator or replaces the one of the same name, keeping the others. */
    public static void put(Path file, Operator operator) throws IOException {
        Map<String, Operator> operators = Files.exists(file) ? read(file) : new LinkedHashMap<>();
        operators.put(operator.name(), operator);
        write(file, operators.values());
    }

    static void write(Path file, Iterable<Operator> operators) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# VantaEchoNebula operators: NAME ROLES HASH. Change with ./vanta operator add; read by the server on change.");
        for (Operator operator : operators) {
            lines.add(operator.name() + " " + operator.roles().stream().sorted().map(Role::id).collect(Collectors.joining(","))
                    + " " + (operator.disabled() ? DISABLED : "") + operator.passwordHash());
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, ".operators", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(temporary, lines, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static Operator parse(String line) {
        String[] fields = line.split("\\s+");
        if (fields.length != 3) {
            throw new IllegalArgumentException("expected NAME ROLES HASH, got " + fields.length + " fields");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(fields[1].split(",")).map(Role::of).forEach(roles::add);
        boolean disabled = fields[2].startsWith(DISABLED);
        return new Operator(fields[0], roles, disabled ? fields[2].substring(DISABLED.length()) : fields[2], disabled);
    }
}
