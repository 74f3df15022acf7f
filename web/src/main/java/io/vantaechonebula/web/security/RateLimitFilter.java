package io.vantaechonebula.web.security;

import io.vantaechonebula.web.problem.Problem;
import io.vantaechonebula.web.problem.ProblemType;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Token buckets per source address on the doors anyone may knock at: telemetry ingest, ai/process
 * and transaction submission; over the rate a request is answered 429 with Retry-After and does
 * nothing. The address is the connection's: a header a client sets is not believed.
 */
@Provider
@PreMatching
public class RateLimitFilter implements ContainerRequestFilter {

    private static final Pattern TRANSACTIONS = Pattern.compile("/?chains/[^/]+/transactions(/batch)?/?");

    @Inject
    private RateLimits limits;

    @Context
    private HttpServletRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!"POST".equals(request.getMethod())) {
            return;
        }
        String path = request.getUriInfo().getPath();
        RateLimits.Door door = path.matches("/?pool/ingest/?") ? RateLimits.Door.INGEST
                : path.matches("/?ai/process/?") ? RateLimits.Door.AI_PROCESS
                : TRANSACTIONS.matcher(path).matches() ? RateLimits.Door.TRANSACTIONS : null;
        if (door == null) {
            return;
        }
        String address = http.getRemoteAddr();
        long wait = limits.take(door, address, address);
        if (wait > 0) {
            request.abortWith(tooMany("This address sends more than " + door.name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ') + " takes (vanta.ratelimit.*); nothing was done. Send again after Retry-After seconds.", wait));
        }
    }

    static jakarta.ws.rs.core.Response tooMany(String detail, long retryAfterSeconds) {
        return Problem.builder(ProblemType.RATE_LIMITED, detail, List.of())
                .header("Retry-After", String.valueOf(retryAfterSeconds)).build();
    }
}
