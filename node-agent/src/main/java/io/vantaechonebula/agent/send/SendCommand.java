package io.vantaechonebula.agent.send;

import io.vantaechonebula.agent.broker.BrokerLoginOptions;
import io.vantaechonebula.agent.broker.Brokers;
import io.vantaechonebula.telemetry.IngestAddresses;
import io.vantaechonebula.telemetry.InvalidTelemetryException;
import io.vantaechonebula.telemetry.TelemetryParser;
import io.vantaechonebula.telemetry.collector.BatchSender;
import io.vantaechonebula.telemetry.collector.HttpBatchSender;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vanta send}: checks telemetry payloads from a file or stdin, then sends them over HTTP or JMS. */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"Send telemetry payloads (a batch or contribution object, or an array of them) to the pool.",
                "Every payload is checked first; if one is invalid, nothing is sent."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every payload was accepted", "1:a payload was invalid or refused, or the pool was unreachable",
                "2:wrong command-line arguments"})
public class SendCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int FAILED = 1;

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "JSON file to send; stdin when absent or '-'")
    Path file;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Transport transport;

    @Mixin
    BrokerLoginOptions brokerLogin;

    @Option(names = "--node-id", paramLabel = "ID",
            description = "Node id for contributions that name none (needed with --jms; over HTTP the pool derives one)")
    String nodeId;

    static final class Transport {
        @Option(names = "--http", paramLabel = "URL", required = true,
                description = "Post to the pool over HTTP, e.g. http://localhost:8080")
        String http;

        @Option(names = "--jms", paramLabel = "BROKER", required = true,
                description = "Send straight to the pool's broker, e.g. mq://localhost:7676, or over TLS mqssl://localhost:7676;"
                        + " on WildFly tcp://localhost:8080")
        String jms;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Outgoing> payloads;
        try {
            payloads = PayloadFile.parse(readInput(), nodeId, transport.http != null, new TelemetryParser());
        } catch (IOException e) {
            err.println("Cannot read " + describeInput() + ": " + e.getMessage());
            return FAILED;
        } catch (InvalidTelemetryException e) {
            err.println("Nothing was sent: " + describeInput() + " is not valid telemetry.");
            e.errors().forEach(error -> err.println("  " + error));
            return FAILED;
        }
        int samples = 0;
        try (BatchSender sender = openSender()) {
            for (int i = 0; i < payloads.size(); i++) {
                Outgoing payload = payloads.get(i);
                out.println("payload " + (i + 1) + "/" + payloads.size() + " (" + payload.samples()
                        + " samples of node " + payload.nodeId() + "): "
                        + sender.send(payload.nodeId(), payload.kind(), payload.body()));
                out.flush();
                samples += payload.samples();
            }
        } catch (BatchSender.SendFailedException e) {
            err.println(e.getMessage());
            err.println(samples + " samples were sent before this failure.");
            return FAILED;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return FAILED;
        }
        out.println("Sent " + payloads.size() + " payloads, " + samples + " samples.");
        out.flush();
        return OK;
    }

    private BatchSender openSender() {
        if (transport.http != null) {
            return new HttpBatchSender(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                    ingestEndpoint(transport.http));
        }
        return Brokers.sender(Brokers.address(transport.jms, "--jms"), brokerLogin.login(), Optional.empty());
    }

    /** A base URL ({@code http://host:8080}) gets the ingest path; a full URL is used as given. */
    static URI ingestEndpoint(String url) {
        URI uri = URI.create(url.trim());
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("--http takes an http:// or https:// URL such as http://localhost:8080, got '"
                    + url + "'");
        }
        String path = uri.getPath();
        return (path == null || path.isEmpty() || path.equals("/")) ? uri.resolve(IngestAddresses.INGEST_PATH) : uri;
    }

    private String readInput() throws IOException {
        if (file == null || file.toString().equals("-")) {
            InputStream in = System.in;
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException("no such file");
        }
    }

    private String describeInput() {
        return file == null || file.toString().equals("-") ? "standard input" : file.toString();
    }
}
