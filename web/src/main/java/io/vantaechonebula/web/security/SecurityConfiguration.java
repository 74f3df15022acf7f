package io.vantaechonebula.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/**
 * Logins are HTTP Basic against {@link OperatorIdentityStore}. Which paths need which role is in
 * WEB-INF/web.xml; the rest of the API stays open to nodes and monitoring.
 */
@BasicAuthenticationMechanismDefinition(realmName = "VantaEchoNebula")
@DeclareRoles({"admin", "operator", "viewer"})
@ApplicationScoped
public class SecurityConfiguration {
}
