package io.vantaechonebula.web.problem;

import io.vantaechonebula.telemetry.FieldError;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Builds {@code application/problem+json} responses. */
public final class Problem {

    /** Looked up once: Json.createX looks the provider up again on every call, through the server's class loaders. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

    private Problem() {
    }

    public static Response of(ProblemType type, String detail) {
        return of(type, detail, List.of());
    }

    public static Response of(ProblemType type, String detail, List<FieldError> errors) {
        return builder(type, detail, errors).build();
    }

    /** The problem object alone, for answers written outside JAX-RS. */
    public static String body(ProblemType type, String detail) {
        return builder(type, detail, List.of()).build().getEntity().toString();
    }

    public static Response.ResponseBuilder builder(ProblemType type, String detail, List<FieldError> errors) {
        return builder(type, detail, errors, Map.of());
    }

    /** @param extensions further members of the problem object, such as a stable {@code reason} code */
    public static Response.ResponseBuilder builder(ProblemType type, String detail, List<FieldError> errors,
                                                   Map<String, String> extensions) {
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("type", type.uri())
                .add("title", type.title())
                .add("status", type.status().getStatusCode())
                .add("detail", detail);
        extensions.forEach(body::add);
        if (!errors.isEmpty()) {
            JsonArrayBuilder list = JSON.createArrayBuilder();
            errors.forEach(error -> list.add(JSON.createObjectBuilder()
                    .add("field", error.field())
                    .add("message", error.message())));
            body.add("errors", list);
        }
        return Response.status(type.status()).type(MEDIA).entity(body.build().toString());
    }
}
