package io.vantaechonebula.web.pool;

import io.vantaechonebula.pool.api.PoolMetrics;
import io.vantaechonebula.web.security.RateLimits;
import io.vantaechonebula.web.security.SignedRequests;
import io.vantaechonebula.telemetry.IngestLimits;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import io.vantaechonebula.pool.api.NodeIdentityOperations;
import io.vantaechonebula.pool.api.SenderRefusedException;
import io.vantaechonebula.pool.api.SenderVerdict;
import java.util.Locale;
import io.vantaechonebula.chain.crypto.Hex;
import io.vantaechonebula.pool.api.PoolFullException;
import io.vantaechonebula.pool.api.PoolOperations;
import io.vantaechonebula.pool.api.PoolUnavailableException;
import io.vantaechonebula.telemetry.IngestAddresses;
import io.vantaechonebula.telemetry.InvalidTelemetryException;
import io.vantaechonebula.telemetry.TelemetryParser;
import io.vantaechonebula.telemetry.TelemetryPayload;
import io.vantaechonebula.web.LimitedBody;
import io.vantaechonebula.web.problem.ApiProblemException;
import io.vantaechonebula.web.problem.Problem;
import io.vantaechonebula.web.problem.ProblemType;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/** Takes node telemetry over HTTP and queues it for the pool. */
@Path(IngestAddresses.INGEST_RESOURCE)
@RequestScoped
public class IngestResource {

    /** Looked up once: Json.createX looks the provider up again on every call, through the server's class loaders. */
    private static final JsonProvider JSON = JsonProvider.provider();
    /** A full queue drains over seconds: asking senders to wait five spreads their retries out. */
    private static final int FULL_RETRY_AFTER_SECONDS = 5;

    @EJB
    private PoolOperations pool;

    @EJB
    private NodeIdentityOperations identity;

    @Inject
    private RateLimits rateLimits;

    @Context
    private HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response ingest(InputStream body) throws IOException, InvalidTelemetryException {
        long started = System.nanoTime();
        String outcome = "invalid";
        try {
            Config config = ConfigProvider.getConfig();
            IngestLimits limits = IngestLimits.from(key -> config.getOptionalValue(key, String.class));
            long limit = limits.maxBodyBytes();
            String text;
            try {
                text = LimitedBody.read(body, limit, ProblemType.INVALID_TELEMETRY,
                        "Send fewer samples per request (the limit is vanta.ingest.max-body-bytes).");
            } catch (ApiProblemException e) {
                outcome = e.type() == ProblemType.PAYLOAD_TOO_LARGE ? "too_large" : "invalid";
                throw e;
            }
            TelemetryParser parser = new TelemetryParser(Clock.systemUTC(), limits.maxSamplesPerBatch());
            TelemetryPayload payload = parser.parse(text, senderNodeId());
            long wait = rateLimits.take(RateLimits.Door.INGEST_NODE, payload.nodeId(), request.getRemoteAddr());
            if (wait > 0) {
                outcome = "rate_limited";
                return Problem.builder(ProblemType.RATE_LIMITED, "Node " + payload.nodeId() + " sends more payloads than"
                        + " the pool takes from one node (vanta.ratelimit.ingest-node.*); nothing was queued. Send again after"
                        + " Retry-After seconds, or more samples per batch.", List.of())
                        .header("Retry-After", String.valueOf(wait)).build();
            }
            SenderVerdict sender;
            try {
                sender = identity.checkSender(payload.nodeId(), SignedRequests.of(request), text.getBytes(StandardCharsets.UTF_8));
            } catch (SenderRefusedException e) {
                outcome = "unverified";
                throw new ApiProblemException(ProblemType.SENDER_NOT_VERIFIED, e.getMessage() + ". Nothing was queued.");
            }
            try {
                pool.submit(payload, sender);
            } catch (PoolFullException e) {
                outcome = "full";
                return Problem.builder(ProblemType.POOL_FULL, e.getMessage(), List.of())
                        .header("Retry-After", String.valueOf(FULL_RETRY_AFTER_SECONDS)).build();
            } catch (PoolUnavailableException e) {
                outcome = "unavailable";
                return Problem.builder(ProblemType.POOL_UNAVAILABLE, e.getMessage(), List.of())
                        .header("Retry-After", "5").build();
            }
            outcome = "accepted";
            PoolMetrics.INGEST_SAMPLES_ACCEPTED.inc(payload.samples().size());
            return Response.accepted(JSON.createObjectBuilder()
                            .add("status", "accepted")
                            .add("accepted", payload.samples().size())
                            .add("node_id", payload.nodeId())
                            .add("sender", sender.name().toLowerCase(Locale.ROOT))
                            .build().toString())
                    .type(MediaType.APPLICATION_JSON)
                    .build();
        } finally {
            PoolMetrics.INGEST_REQUEST_DURATION.observe((System.nanoTime() - started) / 1e9);
            PoolMetrics.INGEST_REQUESTS.labelValues(outcome).inc();
        }
    }

    /** A stable id for a contribution that names no node: derived from the sender's address. */
    private String senderNodeId() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(request.getRemoteAddr().getBytes(StandardCharsets.UTF_8));
            return "sender-" + Hex.encode(Arrays.copyOf(digest, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
