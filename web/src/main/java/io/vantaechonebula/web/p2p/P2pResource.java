package io.vantaechonebula.web.p2p;

import io.vantaechonebula.node.api.NodeOperations;
import io.vantaechonebula.p2p.http.P2pHttpApi;
import io.vantaechonebula.web.LimitedBody;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Hands every request under /api/v1/p2p to the protocol's own handler (docs/p2p-spec.md §2–3), which
 * checks the node signatures itself: these endpoints need no login.
 */
@Path("p2p")
@RequestScoped
public class P2pResource {

    @EJB
    private NodeOperations peers;

    @Context
    private UriInfo uri;

    @Context
    private HttpHeaders headers;

    @Context
    private HttpServletRequest request;

    @POST
    @Path("{route: .+}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A peer-to-peer request", description = "hello, gossip or blocks; see docs/p2p-spec.md")
    public Response post(@PathParam("route") String route, InputStream body) throws IOException {
        return answer("POST", route, body);
    }

    @GET
    @Path("{route: .+}")
    @Operation(summary = "A peer-to-peer request", description = "peers; see docs/p2p-spec.md")
    public Response get(@PathParam("route") String route) throws IOException {
        return answer("GET", route, InputStream.nullInputStream());
    }

    /** The route and the sender are checked before the body is read, and no more of it is read than the route takes. */
    private Response answer(String method, String route, InputStream body) throws IOException {
        String path = P2pHttpApi.BASE + "/" + route;
        Function<String, Optional<String>> header = name -> Optional.ofNullable(headers.getHeaderString(name));
        P2pHttpApi.Admission admission = peers.admitPeerRequest(method, path, header);
        P2pHttpApi.Answer answer;
        if (admission.refusal().isPresent()) {
            answer = admission.refusal().get();
        } else {
            String query = uri.getRequestUri().getRawQuery();
            answer = peers.handlePeerRequest(method, path, query == null ? "" : query, header,
                    read(body, admission.maxBodyBytes() + 1), request.getRemoteAddr());
        }
        return Response.status(answer.status()).type(answer.contentType()).entity(answer.body()).build();
    }

    private static byte[] read(InputStream body, int most) {
        try {
            return body.readNBytes(most);
        } catch (IOException e) {
            throw LimitedBody.incomplete();
        }
    }
}
