package io.vantaechonebula.web.nodes;

import io.vantaechonebula.chain.crypto.Ed25519PublicKey;
import io.vantaechonebula.chain.crypto.Hex;
import io.vantaechonebula.pool.api.Actor;
import io.vantaechonebula.pool.api.NodeIdentityOperations;
import io.vantaechonebula.pool.api.NodeRegistrationView;
import io.vantaechonebula.pool.api.RegistrationConflictException;
import io.vantaechonebula.pool.api.SenderRefusedException;
import io.vantaechonebula.telemetry.TelemetryParser;
import io.vantaechonebula.web.LimitedBody;
import io.vantaechonebula.web.QueryLimits;
import io.vantaechonebula.web.problem.ApiProblemException;
import io.vantaechonebula.web.problem.ProblemType;
import io.vantaechonebula.web.security.SignedRequests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Nodes' keys: a node registers its own, signed by it (proof of possession); an admin revokes a key
 * or binds another to a node id. docs/ingest.md says how a node signs.
 */
@Path("nodes/registrations")
@RequestScoped
public class NodeRegistrationResource {

    private static final JsonProvider JSON = JsonProvider.provider();
    static final long MAX_BODY_BYTES = 4096;
    static final int MAX_LIMIT = 1000;

    @EJB
    private NodeIdentityOperations identity;

    @Context
    private HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(InputStream body) throws IOException {
        String text = LimitedBody.read(body, MAX_BODY_BYTES, ProblemType.INVALID_BODY, "A registration is a few hundred bytes.");
        JsonObject registration = object(text);
        String nodeId = field(registration, "node_id");
        String publicKey = field(registration, "public_key").toLowerCase(java.util.Locale.ROOT);
        String nodeType = field(registration, "node_type");
        Ed25519PublicKey key = key(publicKey);
        if (!TelemetryParser.NODE_TYPES.contains(nodeType)) {
            throw new ApiProblemException(ProblemType.INVALID_BODY, "node_type must be one of full, simple, basic");
        }
        String address = key.address().hex();
        if (!address.equals(nodeId)) {
            throw new ApiProblemException(ProblemType.INVALID_BODY, "node_id must be the key's address, " + address
                    + ", as in P2P: the first 20 bytes of SHA-256 of the key, in hex");
        }
        NodeIdentityOperations.Registered registered;
        try {
            registered = identity.register(nodeId, publicKey, nodeType, SignedRequests.of(request),
                    text.getBytes(StandardCharsets.UTF_8));
        } catch (SenderRefusedException e) {
            throw new ApiProblemException(ProblemType.SENDER_NOT_VERIFIED, e.getMessage()
                    + ". A registration is signed by the key it registers; nothing was registered.");
        } catch (RegistrationConflictException e) {
            throw new ApiProblemException(ProblemType.REGISTRATION_CONFLICT, e.getMessage());
        }
        String json = json(registered.registration()).build().toString();
        return registered.created()
                ? Response.created(URI.create(request.getRequestURI() + "/" + nodeId)).entity(json).type(MediaType.APPLICATION_JSON).build()
                : Response.ok(json, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String list(@QueryParam("limit") @DefaultValue("100") String limit) {
        var array = JSON.createArrayBuilder();
        identity.registrations(QueryLimits.parse("limit", limit, MAX_LIMIT)).forEach(view -> array.add(json(view)));
        return array.build().toString();
    }

    @GET
    @Path("{nodeId}")
    @Produces(MediaType.APPLICATION_JSON)
    public String one(@PathParam("nodeId") String nodeId) {
        return json(identity.registration(nodeId).orElseThrow(() -> notRegistered(nodeId))).build().toString();
    }

    @DELETE
    @Path("{nodeId}/key")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public String revoke(@PathParam("nodeId") String nodeId, @Context SecurityContext security) {
        try {
            return json(identity.revoke(nodeId, actor(security))).build().toString();
        } catch (NodeIdentityOperations.NoSuchRegistrationException e) {
            throw notRegistered(nodeId);
        }
    }

    @PUT
    @Path("{nodeId}/key")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public String rebind(@PathParam("nodeId") String nodeId, InputStream body, @Context SecurityContext security) throws IOException {
        JsonObject rebinding = object(LimitedBody.read(body, MAX_BODY_BYTES, ProblemType.INVALID_BODY, "Send {\"public_key\": \"…\"}."));
        String publicKey = field(rebinding, "public_key").toLowerCase(java.util.Locale.ROOT);
        key(publicKey);
        try {
            return json(identity.rebind(nodeId, publicKey, actor(security))).build().toString();
        } catch (NodeIdentityOperations.NoSuchRegistrationException e) {
            throw notRegistered(nodeId);
        }
    }

    private Actor actor(SecurityContext security) {
        return new Actor(security.getUserPrincipal().getName(), request.getRemoteAddr());
    }

    private static ApiProblemException notRegistered(String nodeId) {
        return new ApiProblemException(ProblemType.REGISTRATION_NOT_FOUND, "Node " + abbreviate(nodeId)
                + " has registered no key; GET /api/v1/nodes/registrations lists those that have");
    }

    private static Ed25519PublicKey key(String hex) {
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new ApiProblemException(ProblemType.INVALID_BODY, "public_key must be the Ed25519 public key as 64 hex digits");
        }
        return new Ed25519PublicKey(Hex.decode(hex));
    }

    private static JsonObject object(String text) {
        JsonValue value;
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw new ApiProblemException(ProblemType.INVALID_BODY, "The body is not JSON: " + abbreviate(e.getMessage()));
        } catch (RuntimeException e) {
            throw new ApiProblemException(ProblemType.INVALID_BODY, "The body is not readable JSON");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ApiProblemException(ProblemType.INVALID_BODY, "The body must be a JSON object");
        }
        return value.asJsonObject();
    }

    private static String field(JsonObject object, String name) {
        if (!(object.get(name) instanceof JsonString value)) {
            throw new ApiProblemException(ProblemType.INVALID_BODY, name + " is missing or not a string");
        }
        return value.getString();
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 80 ? String.valueOf(text) : text.substring(0, 80) + "…";
    }

    private static JsonObjectBuilder json(NodeRegistrationView view) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("nodeId", view.nodeId())
                .add("publicKey", view.publicKey())
                .add("nodeType", view.nodeType())
                .add("registeredAt", Instant.ofEpochMilli(view.registeredAtMs()).toString())
                .add("revoked", view.revoked());
        if (view.reboundBy() != null) {
            json.add("reboundBy", view.reboundBy());
        }
        if (view.revoked()) {
            json.add("revokedAt", Instant.ofEpochMilli(view.revokedAtMs()).toString()).add("revokedBy", view.revokedBy());
        }
        return json;
    }
}
