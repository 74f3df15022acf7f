package io.vantaechonebula.web.security;

import io.vantaechonebula.pool.api.SignedMessage;
import io.vantaechonebula.telemetry.signing.ContentDigest;
import io.vantaechonebula.telemetry.signing.MessageSignature;
import jakarta.servlet.http.HttpServletRequest;

/** What an HTTP request carries to prove its sender (RFC 9421 and 9530), as the pool checks it. */
public final class SignedRequests {

    private SignedRequests() {
    }

    /** The request's method, path and signature fields; each field null when absent. */
    public static SignedMessage of(HttpServletRequest request) {
        return new SignedMessage(request.getMethod(), request.getRequestURI(), request.getHeader(ContentDigest.HEADER),
                request.getHeader(MessageSignature.SIGNATURE_INPUT), request.getHeader(MessageSignature.SIGNATURE));
    }
}
