package io.vantaechonebula.agent.broker;

import io.vantaechonebula.telemetry.collector.JmsBatchSender.Login;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * Who a producer connects to the broker as. {@code ./vanta start} replaces the broker's stock users
 * and writes the producers' user into {@code run/broker.credentials}, which {@code ./vanta} names in
 * {@code $VANTA_BROKER_CREDENTIALS}; {@code --user} and {@code --password-file} name another.
 */
public final class BrokerLoginOptions {

    static final String CREDENTIALS_VARIABLE = "VANTA_BROKER_CREDENTIALS";
    private static final int MAX_FILE_BYTES = 4096;

    @Option(names = "--user", description = "Broker user (default: the one in $VANTA_BROKER_CREDENTIALS, which ./vanta sets to"
            + " run/broker.credentials)")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "A file whose first line is the broker user's password (with --user)")
    Path passwordFile;

    @Option(names = "--password", description = "The broker user's password (with --user; --password-file keeps it out of"
            + " the process list)")
    String password;

    /** The login these options name, else the credentials file's, else none (OpenMQ's own default user). */
    public Login login() {
        if (user != null) {
            return new Login(user, explicitPassword());
        }
        if (password != null || passwordFile != null) {
            throw new IllegalArgumentException("--password and --password-file go with --user: name the broker user too");
        }
        return fromEnvironment();
    }

    /** The producers' login in the file {@code $VANTA_BROKER_CREDENTIALS} names. */
    public static Login fromEnvironment() {
        String file = System.getenv(CREDENTIALS_VARIABLE);
        if (file != null && Files.exists(Path.of(file))) {
            return fromCredentialsFile(Path.of(file));
        }
        throw new IllegalArgumentException("no broker user given: pass --user and --password-file, or run through ./vanta on the"
                + " pool's machine, which reads run/broker.credentials (written by ./vanta start)");
    }

    private String explicitPassword() {
        if (password != null && passwordFile != null) {
            throw new IllegalArgumentException("give the broker password once: --password or --password-file, not both");
        }
        if (passwordFile != null) {
            String text = read(passwordFile);
            int end = text.indexOf('\n');
            return (end < 0 ? text : text.substring(0, end)).strip();
        }
        if (password == null) {
            throw new IllegalArgumentException("--user " + user + " needs its password: --password-file FILE (or --password)");
        }
        return password;
    }

    /** The {@code user} and {@code password} of a properties file as {@code ./vanta start} writes it. */
    static Login fromCredentialsFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = new java.io.StringReader(read(file))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the broker credentials in " + file + ": " + e.getMessage(), e);
        }
        String name = properties.getProperty("user");
        String secret = properties.getProperty("password");
        if (name == null || name.isBlank() || secret == null || secret.isBlank()) {
            throw new IllegalArgumentException(file + " should hold the broker's user=... and password=... lines, as ./vanta start"
                    + " writes them; one is missing");
        }
        return new Login(name.strip(), secret.strip());
    }

    private static String read(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IllegalArgumentException(file + " is over " + MAX_FILE_BYTES + " bytes; it should hold a password");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
