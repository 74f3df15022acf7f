package io.vantaechonebula.agent.operator;

import io.vantaechonebula.operators.Operator;
import io.vantaechonebula.operators.OperatorsFile;
import io.vantaechonebula.operators.PasswordHash;
import io.vantaechonebula.operators.Role;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./vanta operator}: who may log in to the API and console, with which roles. */
@Command(name = "operator", mixinStandardHelpOptions = true,
        description = "Adds operators to the operators file the server reads (it takes changes up at the next login).",
        subcommands = {OperatorCommand.Add.class, OperatorCommand.ListOperators.class, OperatorCommand.Disable.class,
                OperatorCommand.Enable.class})
public class OperatorCommand implements Runnable {

    static final String FILE_VARIABLE = "VANTA_OPERATORS_FILE";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    static Path defaultFile() {
        String file = System.getenv(FILE_VARIABLE);
        return Path.of(file == null || file.isBlank() ? "vanta-operators" : file);
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Adds an operator, or gives an existing one new roles and a new password.",
                    "The password is asked for twice on a terminal, read from the first line of standard input with"
                            + " --password-stdin, or generated into a file with --generate-into."})
    static class Add implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "1 to 64 letters, digits or . _ -")
        String name;

        @Option(names = "--roles", required = true, split = ",", paramLabel = "ROLE",
                description = "admin, operator or viewer; several separated by commas")
        List<String> roles;

        @Option(names = "--file", paramLabel = "FILE", description = "The operators file (default: $" + FILE_VARIABLE
                + ", set by ./vanta to the server's)")
        Path file;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input")
        boolean passwordStdin;

        @Option(names = "--generate-into", paramLabel = "FILE",
                description = "Generate a random password and write it to FILE, readable by its owner only")
        Path generateInto;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            Path target = file == null ? defaultFile() : file;
            Set<Role> parsedRoles = EnumSet.noneOf(Role.class);
            char[] password;
            try {
                roles.stream().map(String::trim).map(Role::of).forEach(parsedRoles::add);
                password = password();
                OperatorsFile.put(target, new Operator(name, parsedRoles, PasswordHash.hash(password)));
            } catch (IllegalArgumentException e) {
                err.println("vanta operator add: " + e.getMessage());
                return 2;
            }
            Arrays.fill(password, '\0');
            spec.commandLine().getOut().println("Operator " + name + " (" + String.join(",", roles) + ") saved in " + target
                    + (generateInto == null ? "" : "; password in " + generateInto));
            return 0;
        }

        private char[] password() throws IOException {
            if (generateInto != null) {
                String generated = PasswordHash.generate();
                Files.deleteIfExists(generateInto);
                Files.createFile(generateInto, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(generateInto, generated + "\n");
                return generated.toCharArray();
            }
            if (passwordStdin) {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                return checked(line == null ? new char[0] : line.toCharArray());
            }
            Console console = System.console();
            if (console == null) {
                throw new IllegalArgumentException("no terminal to ask the password on: use --password-stdin or --generate-into");
            }
            char[] first = checked(console.readPassword("Password for %s: ", name));
            char[] again = console.readPassword("Again: ");
            if (!Arrays.equals(first, again)) {
                throw new IllegalArgumentException("the two passwords differ; nothing was changed");
            }
            return first;
        }

        private static char[] checked(char[] password) {
            return Operator.checkedPassword(password);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the operators and their roles.")
    static class ListOperators implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--file", paramLabel = "FILE", description = "The operators file (default: $" + FILE_VARIABLE + ")")
        Path file;

        @Override
        public Integer call() throws IOException {
            Path target = file == null ? defaultFile() : file;
            if (!Files.exists(target)) {
                spec.commandLine().getErr().println("vanta operator list: no operators file at " + target
                        + "; ./vanta start creates it with an admin");
                return 2;
            }
            try {
                OperatorsFile.read(target).values().forEach(operator -> spec.commandLine().getOut().println(operator.name()
                        + " " + operator.roles().stream().sorted().map(Role::id).toList()
                        + (operator.disabled() ? " disabled" : "")));
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("vanta operator list: " + e.getMessage());
                return 2;
            }
            return 0;
        }
    }

    /** Disables or enables an operator in the file. */
    abstract static class Switch implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--file", paramLabel = "FILE", description = "The operators file (default: $" + FILE_VARIABLE + ")")
        Path file;

        abstract boolean disables();

        @Override
        public Integer call() throws IOException {
            return setDisabled(spec, disables() ? "disable" : "enable", file, name, disables());
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disables an operator: no login with any password, and their console sessions end at once.")
    static class Disable extends Switch {

        @Override
        boolean disables() {
            return true;
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enables a disabled operator again.")
    static class Enable extends Switch {

        @Override
        boolean disables() {
            return false;
        }
    }

    private static int setDisabled(CommandSpec spec, String verb, Path file, String name, boolean disabled) throws IOException {
        Path target = file == null ? defaultFile() : file;
        try {
            Operator operator = Files.exists(target) ? OperatorsFile.read(target).get(name) : null;
            if (operator == null) {
                spec.commandLine().getErr().println("vanta operator " + verb + ": no operator '" + name + "' in " + target
                        + "; ./vanta operator list shows them");
                return 2;
            }
            OperatorsFile.put(target, operator.withDisabled(disabled));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("vanta operator " + verb + ": " + e.getMessage());
            return 2;
        }
        spec.commandLine().getOut().println("Operator " + name + (disabled ? " disabled" : " enabled") + " in " + target);
        return 0;
    }
}
