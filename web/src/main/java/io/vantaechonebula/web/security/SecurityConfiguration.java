package io.vantaechonebula.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The roles. Logins are {@link OperatorAuthentication}'s against {@link OperatorIdentityStore}. Which
 * paths need which role is in WEB-INF/web.xml; the rest of the API stays open to nodes and monitoring.
 */
@DeclareRoles({"admin", "operator", "viewer"})
@ApplicationScoped
public class SecurityConfiguration {
}
