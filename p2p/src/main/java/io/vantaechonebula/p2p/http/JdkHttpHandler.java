package io.vantaechonebula.p2p.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/** Serves {@value P2pHttpApi#BASE} from the JDK's HTTP server, as a light node does. */
public final class JdkHttpHandler implements HttpHandler {

    private final P2pHttpApi api;

    public JdkHttpHandler(P2pHttpApi api) {
        this.api = api;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readAtMost(exchange.getRequestBody(), P2pHttpApi.MAX_BODY_BYTES + 1);
            String query = exchange.getRequestURI().getRawQuery();
            P2pHttpApi.Answer answer = api.handle(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    query == null ? "" : query, name -> Optional.ofNullable(exchange.getRequestHeaders().getFirst(name)), body);
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
