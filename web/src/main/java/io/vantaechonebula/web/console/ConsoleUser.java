package io.vantaechonebula.web.console;

import io.vantaechonebula.pool.api.Actor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;

/**
 * The operator using the console and what their roles allow: viewers read, operators also act on
 * findings, admins do everything. Pages hide what a role may not do; the actions check again with
 * {@link #requireOperator()} and {@link #requireAdmin()}, so a forged request is refused as well.
 */
@Named
@RequestScoped
public class ConsoleUser {

    @Inject
    private SecurityContext security;

    @Inject
    private HttpServletRequest request;

    public String getName() {
        Principal caller = security.getCallerPrincipal();
        return caller == null ? "" : caller.getName();
    }

    public boolean isAdmin() {
        return security.isCallerInRole("admin");
    }

    public boolean isOperator() {
        return isAdmin() || security.isCallerInRole("operator");
    }

    /** The highest role, as the header shows it. */
    public String getRole() {
        return isAdmin() ? "admin" : isOperator() ? "operator" : "viewer";
    }

    /** Who acts, for the audit log: the operator and the address they came from. */
    public Actor actor() {
        return new Actor(getName(), request.getRemoteAddr());
    }

    public void requireOperator() {
        if (!isOperator()) {
            throw new NotPermittedException("'" + getName() + "' is a viewer: acting on findings needs the operator role;"
                    + " an admin can give it on the Operators page or with ./vanta operator add " + getName() + " --roles operator");
        }
    }

    public void requireAdmin() {
        if (!isAdmin()) {
            throw new NotPermittedException("'" + getName() + "' is not an admin: this needs the admin role");
        }
    }
}
