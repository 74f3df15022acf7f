package io.vantaechonebula.pool.api;

/** A payload the pool could not store, and why. */
public record DeadLetter(String messageId, String originalMessageId, String reason, String failedAt, String bodyExcerpt) {
}
