package io.vantaechonebula.web.security;

import io.vantaechonebula.chain.encoding.LogText;
import io.vantaechonebula.operators.Operator;
import io.vantaechonebula.operators.OperatorsFile;
import io.vantaechonebula.operators.PasswordHash;
import io.vantaechonebula.operators.Role;
import io.vantaechonebula.pool.api.Actor;
import io.vantaechonebula.pool.api.AuditOperations;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * An admin's changes to the operators, written to the same operators file {@code ./vanta operator} writes
 * and logins read, each audited. At least one enabled admin always remains, so nobody locks the console
 * out; a change of roles, a new password or disabling takes effect at the operator's next request.
 */
@ApplicationScoped
public class OperatorAccounts {

    private static final Logger LOG = Logger.getLogger(OperatorAccounts.class.getName());

    @Inject
    private OperatorIdentityStore store;

    @EJB
    private AuditOperations audit;

    public Collection<Operator> all() {
        return store.all();
    }

    /** @throws IllegalArgumentException naming what is wrong; nothing is changed then */
    public synchronized void add(String name, Set<Role> roles, char[] password, Actor admin) {
        if (store.operator(name).isPresent()) {
            throw new IllegalArgumentException("there is already an operator '" + name + "'; change their roles or password instead");
        }
        Operator operator = new Operator(name, roles, PasswordHash.hash(Operator.checkedPassword(password)));
        Arrays.fill(password, '\0');
        write(operator);
        audit.record(admin, "operator-added", name, roles(roles));
    }

    public synchronized void changeRoles(String name, Set<Role> roles, Actor admin) {
        Operator operator = existing(name);
        Operator changed = operator.withRoles(roles);
        keepAnAdmin(operator, changed);
        write(changed);
        audit.record(admin, "operator-roles-changed", name, roles(operator.roles()) + " -> " + roles(roles));
    }

    public synchronized void resetPassword(String name, char[] password, Actor admin) {
        Operator operator = existing(name);
        Operator changed = operator.withPasswordHash(PasswordHash.hash(Operator.checkedPassword(password)));
        Arrays.fill(password, '\0');
        write(changed);
        audit.record(admin, "operator-password-reset", name, null);
    }

    public synchronized void setDisabled(String name, boolean disabled, Actor admin) {
        Operator operator = existing(name);
        Operator changed = operator.withDisabled(disabled);
        keepAnAdmin(operator, changed);
        write(changed);
        audit.record(admin, disabled ? "operator-disabled" : "operator-enabled", name, null);
    }

    private Operator existing(String name) {
        return store.operator(name).orElseThrow(() -> new IllegalArgumentException("there is no operator '"
                + LogText.of(String.valueOf(name)) + "' (any more)"));
    }

    private void keepAnAdmin(Operator before, Operator after) {
        boolean wasEnabledAdmin = !before.disabled() && before.roles().contains(Role.ADMIN);
        boolean isEnabledAdmin = !after.disabled() && after.roles().contains(Role.ADMIN);
        if (wasEnabledAdmin && !isEnabledAdmin && store.all().stream()
                .noneMatch(other -> !other.name().equals(before.name()) && !other.disabled() && other.roles().contains(Role.ADMIN))) {
            throw new IllegalArgumentException("'" + before.name() + "' is the last enabled admin; make another admin first");
        }
    }

    private void write(Operator operator) {
        try {
            OperatorsFile.put(store.file(), operator);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the operators file " + store.file(), e);
        }
        LOG.info(() -> "Operator " + operator.name() + " saved in " + store.file());
    }

    private static String roles(Set<Role> roles) {
        return roles.stream().sorted().map(Role::id).collect(Collectors.joining(","));
    }
}
