package io.vantaechonebula.web.console;

import io.vantaechonebula.web.security.ConsoleSessions;
import io.vantaechonebula.web.security.OperatorIdentityStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/** The login form and the logout button. */
@Named
@RequestScoped
public class LoginBean {

    @Inject
    private SecurityContext security;

    @Inject
    private FacesContext faces;

    private String user;
    private String password;
    private String endedReason;

    public void login() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String name = user == null ? "" : user.trim();
        if (name.isEmpty() || password == null || password.isEmpty()) {
            error("Enter your operator name and password.");
            return;
        }
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(name, new Password(password))));
        password = null;
        if (status == AuthenticationStatus.SUCCESS) {
            external.redirect(ConsoleSessions.afterLogin(request));
        } else if (request.getAttribute(OperatorIdentityStore.THROTTLED_ATTRIBUTE) instanceof Long wait) {
            error("Too many failed logins for this name or from this address: try again in " + wait + " s.");
        } else {
            error("Wrong operator name or password. The first admin's password is in run/admin.password;"
                    + " an admin adds operators with ./vanta operator add NAME.");
        }
    }

    public void logout() throws IOException, ServletException {
        ExternalContext external = faces.getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + ConsoleSessions.PATH + "login.xhtml?loggedOut=true");
    }

    /** Why the last session ended, if it timed out; said on one page only. */
    public String getEndedReason() {
        if (endedReason == null) {
            HttpSession session = (HttpSession) faces.getExternalContext().getSession(false);
            Object reason = session == null ? null : session.getAttribute(ConsoleSessions.ENDED_ATTRIBUTE);
            if (session != null) {
                session.removeAttribute(ConsoleSessions.ENDED_ATTRIBUTE);
            }
            endedReason = reason instanceof String text ? text : "";
        }
        return endedReason;
    }

    private void error(String message) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
