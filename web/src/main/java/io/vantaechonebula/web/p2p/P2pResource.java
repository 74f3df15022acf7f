package io.vantaechonebula.web.p2p;

import io.vantaechonebula.node.api.NodeOperations;
import io.vantaechonebula.p2p.http.P2pHttpApi;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
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

    @POST
    @Path("{route: .+}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A peer-to-peer request", description = "hello, gossip or blocks; see docs/p2p-spec.md")
    public Response post(@PathParam("route") String route, InputStream body) throws IOException {
        return answer("POST", route, body.readNBytes(P2pHttpApi.MAX_BODY_BYTES + 1));
    }

    @GET
    @Path("{route: .+}")
    @Operation(summary = "A peer-to-peer request", description = "peers; see docs/p2p-spec.md")
    public Response get(@PathParam("route") String route) {
        return answer("GET", route, new byte[0]);
    }

    private Response answer(String method, String route, byte[] body) {
        String query = uri.getRequestUri().getRawQuery();
        P2pHttpApi.Answer answer = peers.handlePeerRequest(method, P2pHttpApi.BASE + "/" + route, query == null ? "" : query,
                name -> Optional.ofNullable(headers.getHeaderString(name)), body);
        return Response.status(answer.status()).type(answer.contentType()).entity(answer.body()).build();
    }
}
