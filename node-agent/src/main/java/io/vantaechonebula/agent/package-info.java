/** The operator's command line ({@code ./vanta …}) for what runs outside the application server. */
package io.vantaechonebula.agent;
