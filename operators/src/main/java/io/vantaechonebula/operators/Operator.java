package io.vantaechonebula.operators;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** One line of the operators file: a name, its roles, its password hash, and whether it is disabled (may not log in). */
public record Operator(String name, Set<Role> roles, String passwordHash, boolean disabled) {

    /** The shortest password an operator may be given. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    public Operator(String name, Set<Role> roles, String passwordHash) {
        this(name, roles, passwordHash, false);
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public Operator {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an operator name is 1 to 64 letters, digits or . _ - starting with a"
                    + " letter or digit, got '" + name + "'");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("operator '" + name + "' needs at least one role: admin, operator or viewer");
        }
        roles = Set.copyOf(roles);
        Objects.requireNonNull(passwordHash, "passwordHash");
    }

    public Operator withRoles(Set<Role> newRoles) {
        return new Operator(name, newRoles, passwordHash, disabled);
    }

    public Operator withPasswordHash(String newHash) {
        return new Operator(name, roles, newHash, disabled);
    }

    public Operator withDisabled(boolean nowDisabled) {
        return new Operator(name, roles, passwordHash, nowDisabled);
    }

    /** @throws IllegalArgumentException if the password is too short to be given to an operator */
    public static char[] checkedPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("a password needs at least " + MIN_PASSWORD_LENGTH
                    + " characters; nothing was changed");
        }
        return password;
    }
}
