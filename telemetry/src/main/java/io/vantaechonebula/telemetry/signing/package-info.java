/**
 * Who sent a payload: HTTP Message Signatures (RFC 9421, {@code ed25519}) over a Content-Digest
 * (RFC 9530, {@code sha-256}), the same over HTTP and, in message properties, over JMS. The
 * subset of Structured Field Values (RFC 8941) the two headers need is parsed here.
 */
package io.vantaechonebula.telemetry.signing;
