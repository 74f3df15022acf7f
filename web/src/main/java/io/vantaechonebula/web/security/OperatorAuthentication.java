package io.vantaechonebula.web.security;

import io.vantaechonebula.operators.Operator;
import io.vantaechonebula.operators.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one login of the application, against the operators file ({@link OperatorIdentityStore}):
 * HTTP Basic for the REST API, and for the console a form that logs in once and keeps the operator in
 * the session. A console session is checked against the file at every request, so an operator whose
 * roles change, whose password is reset or who is disabled or removed has the change at once; it ends
 * after {@code vanta.console.session-timeout-minutes} without a click (the pages' live updates do not
 * count as one).
 */
@ApplicationScoped
public class OperatorAuthentication implements HttpAuthenticationMechanism {

    @Inject
    private IdentityStoreHandler identityStores;

    @Inject
    private OperatorIdentityStore operators;

    @Inject
    private ConsoleSessions sessions;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (ConsoleSessions.isConsole(request)) {
            return console(request, response, context);
        }
        return basic(request, response, context);
    }

    private AuthenticationStatus basic(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Optional<UsernamePasswordCredential> credential = basicCredential(request.getHeader("Authorization"));
        if (credential.isPresent()) {
            CredentialValidationResult result = identityStores.validate(credential.get());
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            return refuseBasic(response, context);
        }
        return context.isProtected() ? refuseBasic(response, context) : context.doNothing();
    }

    private static AuthenticationStatus refuseBasic(HttpServletResponse response, HttpMessageContext context) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"VantaEchoNebula\"");
        return context.responseUnauthorized();
    }

    private AuthenticationStatus console(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            String name = result.getCallerPrincipal().getName();
            sessions.begin(request, operators.operator(name).orElseThrow());
            return context.notifyContainerAboutLogin(result);
        }
        Optional<Operator> operator = sessions.current(request, operators::operator);
        if (operator.isPresent()) {
            Set<String> roles = operator.get().roles().stream().map(Role::id).collect(Collectors.toSet());
            return context.notifyContainerAboutLogin(operator.get().name(), roles);
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        try {
            sessions.sendToLogin(request, response);
        } catch (IOException e) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        sessions.end(request);
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    /** The user name and password of an {@code Authorization: Basic} header, if it is one and well formed. */
    static Optional<UsernamePasswordCredential> basicCredential(String header) {
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return Optional.of(new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }
}
