/** The web tier: the REST API under {@code /api/v1}, and the application that hosts it. */
package io.vantaechonebula.web;
