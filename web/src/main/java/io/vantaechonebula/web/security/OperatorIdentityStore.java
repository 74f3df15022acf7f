package io.vantaechonebula.web.security;

import jakarta.servlet.http.HttpServletRequest;
import io.vantaechonebula.chain.encoding.LogText;
import io.vantaechonebula.operators.Operator;
import io.vantaechonebula.operators.OperatorsFile;
import io.vantaechonebula.operators.PasswordHash;
import io.vantaechonebula.operators.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks logins against the operators file ({@code vanta.security.operators-file}, by default
 * {@code config/vanta-operators} in the server's domain), read again whenever it changes. A password
 * that matched is remembered for a few minutes as a SHA-256 digest, so that each API call does not pay
 * for the slow hash again. Failed logins are throttled per user name and per source address
 * ({@code vanta.ratelimit.failed-logins.*}): past the burst, a login is refused without hashing
 * until the bucket refills, and answered 429 with Retry-After.
 */
@ApplicationScoped
public class OperatorIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(OperatorIdentityStore.class.getName());
    private static final long REMEMBER_MS = 5 * 60_000L;

    private record Loaded(long modifiedMs, Map<String, Operator> operators) {
    }

    private record Remembered(String passwordHash, String digest, long untilMs) {
    }

    @Inject
    @ConfigProperty(name = "vanta.security.operators-file")
    private Optional<String> configuredFile;

    private volatile Loaded loaded = new Loaded(-1, Map.of());
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    /** The request attribute that tells the error page a login was throttled, and for how many seconds. */
    public static final String THROTTLED_ATTRIBUTE = "vanta.login.throttled-seconds";

    @Inject
    private RateLimits limits;

    @Inject
    private HttpServletRequest request;

    @Override
    public CredentialValidationResult validate(jakarta.security.enterprise.credential.Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String address = request.getRemoteAddr();
        long wait = Math.max(limits.waitFor(RateLimits.Door.FAILED_LOGINS, "user " + login.getCaller(), address),
                limits.waitFor(RateLimits.Door.FAILED_LOGINS, "address " + address, address));
        if (wait > 0) {
            request.setAttribute(THROTTLED_ATTRIBUTE, wait);
            LOG.fine(() -> "Throttled a login as '" + LogText.of(login.getCaller()) + "' from " + address);
            return CredentialValidationResult.INVALID_RESULT;
        }
        Operator operator = operators().get(login.getCaller());
        if (operator != null && operator.disabled()) {
            LOG.info(() -> "Refused login as '" + LogText.of(login.getCaller()) + "' from " + address + ": disabled in " + file());
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (operator == null || !passwordMatches(operator, login.getPassword().getValue())) {
            limits.take(RateLimits.Door.FAILED_LOGINS, "user " + login.getCaller(), address);
            limits.take(RateLimits.Door.FAILED_LOGINS, "address " + address, address);
            LOG.info(() -> "Refused login as '" + LogText.of(login.getCaller()) + "' from " + address + ": "
                    + (operator == null ? "no such operator in " + file() : "wrong password"));
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(operator.name(),
                operator.roles().stream().map(Role::id).collect(Collectors.toSet()));
    }

    /** The operator of this name as the operators file has them now. */
    public Optional<Operator> operator(String name) {
        return Optional.ofNullable(operators().get(name));
    }

    private boolean passwordMatches(Operator operator, char[] password) {
        long now = System.currentTimeMillis();
        String digest = digest(operator.name(), password);
        Remembered known = remembered.get(operator.name());
        if (known != null && known.untilMs() > now && known.passwordHash().equals(operator.passwordHash())
                && MessageDigest.isEqual(known.digest().getBytes(StandardCharsets.UTF_8), digest.getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        boolean matches;
        try {
            matches = PasswordHash.matches(password, operator.passwordHash());
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "Operator '" + operator.name() + "' in " + file() + " has " + e.getMessage()
                    + "; set a new password with ./vanta operator add " + operator.name());
            return false;
        }
        if (matches) {
            remembered.put(operator.name(), new Remembered(operator.passwordHash(), digest, now + REMEMBER_MS));
        }
        return matches;
    }

    private Map<String, Operator> operators() {
        Path file = file();
        long modified;
        try {
            modified = Files.getLastModifiedTime(file).toMillis();
        } catch (NoSuchFileException e) {
            LOG.warning(() -> "No operators file at " + file + ": nobody can log in. ./vanta start creates it with an"
                    + " admin; or set vanta.security.operators-file");
            return Map.of();
        } catch (IOException e) {
            LOG.warning(() -> "Cannot read the operators file " + file + ": " + e);
            return loaded.operators();
        }
        Loaded current = loaded;
        if (current.modifiedMs() == modified) {
            return current.operators();
        }
        try {
            Map<String, Operator> operators = OperatorsFile.read(file);
            loaded = new Loaded(modified, operators);
            LOG.info(() -> "Read " + operators.size() + " operators from " + file);
            return operators;
        } catch (IOException | IllegalArgumentException e) {
            LOG.warning(() -> "The operators file is wrong, logins keep the operators read before: " + e.getMessage());
            return current.operators();
        }
    }

    /** Every operator in the file, in file order, as read now. */
    public java.util.Collection<Operator> all() {
        return operators().values();
    }

    Path file() {
        return configuredFile.map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("jboss.server.config.dir",
                        System.getProperty("com.sun.aas.instanceRoot", ".") + "/config"), "vanta-operators"));
    }

    private static String digest(String name, char[] password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
