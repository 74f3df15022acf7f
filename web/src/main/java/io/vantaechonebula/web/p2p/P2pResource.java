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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Function;

/**
 * Hands the four requests of the peer-to-peer protocol (docs/p2p-spec.md §2–3) to its own handler, which
 * checks the node signatures itself: these endpoints need no login. Each route is named here, not
 * matched by a pattern, so that the API's description lists them.
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
    @Path("hello")
    @Consumes(MediaType.WILDCARD)
    public Response hello(InputStream body) throws IOException {
        return answer("POST", "hello", body);
    }

    @POST
    @Path("gossip")
    @Consumes(MediaType.WILDCARD)
    public Response gossip(InputStream body) throws IOException {
        return answer("POST", "gossip", body);
    }

    @POST
    @Path("blocks")
    @Consumes(MediaType.WILDCARD)
    public Response blocks(InputStream body) throws IOException {
        return answer("POST", "blocks", body);
    }

    @GET
    @Path("peers")
    public Response peers() throws IOException {
        return answer("GET", "peers", InputStream.nullInputStream());
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
