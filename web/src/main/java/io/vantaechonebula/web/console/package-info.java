/**
 * The admin console under /console: Faces pages with PrimeFaces, one package per page, drawing on the
 * node's and the pool's API services only. Who is logged in and what they may do: {@link
 * io.vantaechonebula.web.console.ConsoleUser}; the login itself is the web tier's security.
 */
package io.vantaechonebula.web.console;
