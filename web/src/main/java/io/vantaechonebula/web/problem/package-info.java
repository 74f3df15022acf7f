/** Errors as {@code application/problem+json} (RFC 9457), each kind with a stable type URI. */
package io.vantaechonebula.web.problem;
