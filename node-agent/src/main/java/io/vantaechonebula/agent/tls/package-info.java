/** The certificate authorities {@code ./vanta}'s HTTPS clients trust. */
package io.vantaechonebula.agent.tls;
