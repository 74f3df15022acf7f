package io.vantaechonebula.web.problem;

import jakarta.ws.rs.core.Response.Status;

/** Every kind of error the API answers, with its stable type URI and HTTP status. */
public enum ProblemType {
    INVALID_TELEMETRY("invalid-telemetry", "Telemetry payload is invalid", Status.BAD_REQUEST),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body is too large", Status.REQUEST_ENTITY_TOO_LARGE),
    BODY_INCOMPLETE("body-incomplete", "Request body did not arrive in time", Status.REQUEST_TIMEOUT),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Content type is not accepted", Status.UNSUPPORTED_MEDIA_TYPE),
    INVALID_BODY("invalid-body", "Request body is invalid", Status.BAD_REQUEST),
    INVALID_PARAMETER("invalid-parameter", "Request parameter is invalid", Status.BAD_REQUEST),
    UNAUTHORIZED("unauthorized", "Login required", Status.UNAUTHORIZED),
    FORBIDDEN("forbidden", "Not allowed for this login", Status.FORBIDDEN),
    SENDER_NOT_VERIFIED("sender-not-verified", "Sender did not prove who it is", Status.UNAUTHORIZED),
    REGISTRATION_CONFLICT("registration-conflict", "Node id is bound otherwise", Status.CONFLICT),
    REGISTRATION_NOT_FOUND("registration-not-found", "Node has registered no key", Status.NOT_FOUND),
    NODE_NOT_FOUND("node-not-found", "Node is not known to the pool", Status.NOT_FOUND),
    TRANSACTION_REJECTED("transaction-rejected", "Transaction refused", Status.BAD_REQUEST),
    CHAIN_NOT_FOUND("chain-not-found", "No such chain", Status.NOT_FOUND),
    BLOCK_NOT_FOUND("block-not-found", "No such block", Status.NOT_FOUND),
    TRANSACTION_NOT_FOUND("transaction-not-found", "No such transaction", Status.NOT_FOUND),
    FINDING_NOT_FOUND("finding-not-found", "No such alert or insight", Status.NOT_FOUND),
    AGENT_NOT_FOUND("agent-not-found", "No such agent", Status.NOT_FOUND),
    DEAD_LETTER_NOT_FOUND("dead-letter-not-found", "No such dead letter, or it cannot be sent again", Status.NOT_FOUND),
    NOT_FOUND("not-found", "No such resource", Status.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method is not allowed here", Status.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", "No answer of an accepted type", Status.NOT_ACCEPTABLE),
    POOL_UNAVAILABLE("pool-unavailable", "Processing pool cannot take data now", Status.SERVICE_UNAVAILABLE),
    RATE_LIMITED("rate-limited", "Too many requests", Status.TOO_MANY_REQUESTS),
    POOL_FULL("pool-full", "Processing pool is full", Status.TOO_MANY_REQUESTS),
    INTERNAL("internal-error", "Internal error", Status.INTERNAL_SERVER_ERROR);

    private static final String PREFIX = "urn:vantaechonebula:problem:";

    private final String slug;
    private final String title;
    private final Status status;

    ProblemType(String slug, String title, Status status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return PREFIX + slug;
    }

    public String title() {
        return title;
    }

    public Status status() {
        return status;
    }
}
