package io.vantaechonebula.web.console.operators;

import io.vantaechonebula.operators.Operator;
import io.vantaechonebula.operators.Role;
import io.vantaechonebula.web.console.ConsoleUser;
import io.vantaechonebula.web.console.Messages;
import io.vantaechonebula.web.security.OperatorAccounts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The Operators page: add an operator; change one's roles, set their password, disable or enable them. Admins only. */
@Named
@RequestScoped
public class OperatorsBean {

    @Inject
    private OperatorAccounts accounts;

    @Inject
    private ConsoleUser user;

    private String name = "";
    private List<String> roles = new ArrayList<>();
    private String password = "";
    private String selected = "";

    public List<Operator> getOperators() {
        user.requireAdmin();
        return List.copyOf(accounts.all());
    }

    public List<String> getRoleIds() {
        return List.of("viewer", "operator", "admin");
    }

    public void add() {
        user.requireAdmin();
        act(() -> {
            accounts.add(name.strip(), roles(), password.toCharArray(), user.actor());
            Messages.info("Added operator " + name.strip() + " (" + String.join(",", roles) + ").");
        });
    }

    public void changeRoles() {
        user.requireAdmin();
        act(() -> {
            accounts.changeRoles(selected, roles(), user.actor());
            Messages.info("Operator " + selected + " now has the roles " + String.join(",", roles) + ".");
        });
    }

    public void setPassword() {
        user.requireAdmin();
        act(() -> {
            accounts.resetPassword(selected, password.toCharArray(), user.actor());
            Messages.info("Set a new password for " + selected + "; their console sessions have ended.");
        });
    }

    public void disable() {
        user.requireAdmin();
        act(() -> {
            accounts.setDisabled(selected, true, user.actor());
            Messages.info("Disabled " + selected + ": no login, and their console sessions have ended.");
        });
    }

    public void enable() {
        user.requireAdmin();
        act(() -> {
            accounts.setDisabled(selected, false, user.actor());
            Messages.info("Enabled " + selected + " again.");
        });
    }

    private void act(Runnable change) {
        try {
            change.run();
        } catch (IllegalArgumentException e) {
            Messages.error("Not done: " + e.getMessage() + ".");
        } finally {
            password = "";
        }
    }

    private Set<Role> roles() {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("choose at least one role");
        }
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        roles.forEach(role -> parsed.add(Role.of(role)));
        return parsed;
    }

    public String roles(Operator operator) {
        return String.join(", ", operator.roles().stream().sorted().map(Role::id).toList());
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles == null ? new ArrayList<>() : roles;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password == null ? "" : password;
    }

    public String getSelected() {
        return selected;
    }

    public void setSelected(String selected) {
        this.selected = selected == null ? "" : selected;
    }
}
