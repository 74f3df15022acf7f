package io.vantaechonebula.operators;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** One line of the operators file: a name, its roles and its password hash. */
public record Operator(String name, Set<Role> roles, String passwordHash) {

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
}
