package io.vantaechonebula.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients that trickle their requests in cannot take the server's HTTP service from everyone else.
 * Against {@code ./vanta start} on a fresh run directory with a 20 s time for a request
 * ({@code VANTA_HTTP_REQUEST_TIMEOUT}): more clients than the server has HTTP threads each send a
 * body a byte at a time, and more again send their headers that way. Each body is refused as
 * incomplete (408, problem type body-incomplete) once its time is up (those that waited for a thread,
 * once theirs is up in turn); then, with the headers still trickling in, readiness answers and a
 * whole batch is taken.
 */
class SlowClientsIT {

    private static final int REQUEST_TIMEOUT_SECONDS = 20;
    /** More than the server's 32 HTTP threads. */
    private static final int SLOW_BODIES = 40;
    private static final int SLOW_HEADERS = 60;
    private static final Duration TRICKLE = Duration.ofSeconds(2);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** A thread for each connection's answer, all waiting at once. */
    private static final ExecutorService READERS = Executors.newCachedThreadPool();

    @BeforeAll
    static void startOnAFreshRunDirectory() throws Exception {
        for (int port : new int[] {4848, 7676, 7677, 8080, 8181}) {
            assertThat(Listeners.anyOn(port)).as("port " + port + " must be free: ./vanta start needs it. Stop what holds it"
                    + " (./vanta stop, or ss -ltnp says who) and run again").isFalse();
        }
        Vanta.deleteTree(Path.of(System.getProperty("vanta.run-dir")));
        Vanta.Result start = Vanta.run(Duration.ofMinutes(12),
                Map.of("VANTA_HTTP_REQUEST_TIMEOUT", String.valueOf(REQUEST_TIMEOUT_SECONDS)), "start");
        assertThat(start.exit()).as("./vanta start said:\n" + start.output()).isZero();
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        READERS.shutdownNow();
        Vanta.run(Duration.ofMinutes(3), "stop");
    }

    @Test
    void tricklingClientsAreCutOffAndEveryoneElseIsServed() throws Exception {
        List<Trickler> bodies = new ArrayList<>();
        List<Trickler> headers = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_BODIES; i++) {
                bodies.add(new Trickler("POST /api/v1/pool/ingest HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100000\r\n\r\n{", " "));
            }
            for (int i = 0; i < SLOW_HEADERS; i++) {
                headers.add(new Trickler("GET /health/ready HTTP/1.1\r\nHost: localhost\r\n", "X-Slow: 1\r\n"));
            }
            long attackStarted = System.nanoTime();
            long deadline = attackStarted + TimeUnit.SECONDS.toNanos(3L * REQUEST_TIMEOUT_SECONDS + 30);
            while (System.nanoTime() < deadline && bodies.stream().anyMatch(trickler -> !trickler.answered())) {
                bodies.forEach(Trickler::trickle);
                headers.forEach(Trickler::trickle);
                Thread.sleep(TRICKLE.toMillis());
            }

            for (Trickler body : bodies) {
                assertThat(body.answer()).as("a body trickling in past the server's time").startsWith("HTTP/1.1 408")
                        .contains("urn:vantaechonebula:problem:body-incomplete");
            }
            assertThat(headers).as("clients still sending their headers, which hold no thread")
                    .allMatch(trickler -> !trickler.answered());
            headers.forEach(Trickler::trickle);
            assertThat(status("/health/ready")).as("readiness while %d clients still trickle their headers", SLOW_HEADERS)
                    .isEqualTo(200);
            assertThat(ingest(Vanta.batch("after-the-tricklers"))).isEqualTo(202);
        } finally {
            bodies.forEach(Trickler::close);
            headers.forEach(Trickler::close);
        }
    }

    private static int status(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:8080" + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int ingest(String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:8080/api/v1/pool/ingest"))
                        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A connection that sends the start of a request, then a little more now and then, and keeps what the server answers. */
    private static final class Trickler {

        private final Socket socket;
        private final OutputStream out;
        private final byte[] more;
        private final CompletableFuture<String> answer;

        Trickler(String start, String more) throws IOException {
            socket = new Socket("localhost", 8080);
            out = socket.getOutputStream();
            this.more = more.getBytes(StandardCharsets.US_ASCII);
            out.write(start.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            answer = CompletableFuture.supplyAsync(() -> readAnswer(in), READERS);
        }

        /** The answer up to the end of its problem document, or all the server sent before it closed. */
        private static String readAnswer(InputStream in) {
            StringBuilder text = new StringBuilder();
            byte[] buffer = new byte[4096];
            try {
                for (int n; text.indexOf("}") < 0 && text.length() < 16_384 && (n = in.read(buffer)) != -1; ) {
                    text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
                return text.toString();
            } catch (IOException e) {
                return text + "\n(connection failed: " + e + ")";
            }
        }

        void trickle() {
            try {
                out.write(more);
                out.flush();
            } catch (IOException e) {
                // The server has closed it: its answer says why.
            }
        }

        boolean answered() {
            return answer.isDone();
        }

        String answer() {
            return answer.getNow("no answer");
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing a test's socket: nothing to do.
            }
        }
    }
}
