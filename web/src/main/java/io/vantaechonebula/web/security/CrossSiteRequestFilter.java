package io.vantaechonebula.web.security;

import io.vantaechonebula.web.problem.Problem;
import io.vantaechonebula.web.problem.ProblemType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Set;

/**
 * Refuses a request that changes something unless it sends JSON or the header {@value #HEADER}
 * (415, as for any body that is not JSON): a
 * web page elsewhere can make a browser post a form (urlencoded, multipart or plain text) with the
 * operator's stored login, but neither JSON nor a custom header without the API's consent (CORS),
 * which it never gives.
 */
@Provider
@PreMatching
public class CrossSiteRequestFilter implements ContainerRequestFilter {

    public static final String HEADER = "X-Requested-By";
    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Override
    public void filter(ContainerRequestContext request) {
        if (!CHANGING.contains(request.getMethod()) || request.getHeaderString(HEADER) != null || sendsJson(request)) {
            return;
        }
        request.abortWith(Problem.builder(ProblemType.UNSUPPORTED_MEDIA_TYPE, "A request that changes something sends JSON"
                + " (Content-Type: application/json), or the header " + HEADER + " when it has no body: a cross-site form"
                + " can do neither. Nothing was done.", List.of()).build());
    }

    private static boolean sendsJson(ContainerRequestContext request) {
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return false;
        }
        try {
            MediaType media = MediaType.valueOf(type);
            return media.getSubtype().equalsIgnoreCase("json") || media.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
