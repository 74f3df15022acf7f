package io.vantaechonebula.p2p.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.function.Function;

/** Serves {@value P2pHttpApi#BASE} from the JDK's HTTP server, as a light node does. */
public final class JdkHttpHandler implements HttpHandler {

    private final P2pHttpApi api;

    public JdkHttpHandler(P2pHttpApi api) {
        this.api = api;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Function<String, Optional<String>> headers = name -> Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            P2pHttpApi.Admission admission = api.admit(method, path, headers);
            P2pHttpApi.Answer answer;
            if (admission.refusal().isPresent()) {
                answer = admission.refusal().get();
            } else {
                byte[] body = readAtMost(exchange.getRequestBody(), admission.maxBodyBytes() + 1);
                String query = exchange.getRequestURI().getRawQuery();
                answer = api.handle(method, path, query == null ? "" : query, headers, body,
                        exchange.getRemoteAddress().getAddress().getHostAddress());
            }
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit);
    }
}
