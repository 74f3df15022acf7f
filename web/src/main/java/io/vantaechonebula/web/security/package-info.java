/** Who may do what: logins against the operators file, roles admin, operator and viewer. */
package io.vantaechonebula.web.security;
