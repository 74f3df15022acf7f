package io.vantaechonebula.pool.api;

/** Who did something, as the audit log keeps it: the operator's name and the address the request came from. */
public record Actor(String name, String address) {
}
