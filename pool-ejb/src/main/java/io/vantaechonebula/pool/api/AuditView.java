package io.vantaechonebula.pool.api;

/** One audited action: who, what, on what, when, from where. */
public record AuditView(long id, long atMs, String actor, String address, String action, String subject, String detail) {
}
