package io.vantaechonebula.telemetry.collector;

import io.vantaechonebula.telemetry.PayloadKind;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Sends batches to the pool, finding it first: the first candidate address that answers as the
 * system is the pool, and {@code connect} picks how to reach it (its broker, or HTTP). When a send
 * fails the pool is looked for again before the next one, so a pool that moved or restarted on
 * another port is found. A node with a key registers it with each pool it finds before its first send.
 */
public final class PoolRoute implements BatchSender {

    private static final Logger LOG = Logger.getLogger(PoolRoute.class.getName());

    private final PoolProbe probe;
    private final List<URI> candidates;
    private final Function<PoolProbe.Found, BatchSender> connect;
    private final Optional<NodeRegistration> registration;
    private BatchSender current;
    private String description = "not found yet";

    /** A route for unsigned telemetry, as the seeds' clients send. */
    public PoolRoute(PoolProbe probe, List<URI> candidates, Function<PoolProbe.Found, BatchSender> connect) {
        this(probe, candidates, connect, Optional.empty());
    }

    public PoolRoute(PoolProbe probe, List<URI> candidates, Function<PoolProbe.Found, BatchSender> connect,
                     Optional<NodeRegistration> registration) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("A pool route needs at least one address to look for the pool at");
        }
        this.probe = probe;
        this.candidates = List.copyOf(candidates);
        this.connect = connect;
        this.registration = registration;
    }

    @Override
    public synchronized String send(String nodeId, PayloadKind kind, JsonObject payload) throws SendFailedException {
        if (current == null) {
            current = locate();
        }
        try {
            return current.send(nodeId, kind, payload);
        } catch (SendFailedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private BatchSender locate() throws SendFailedException {
        Optional<PoolProbe.Found> found = probe.find(candidates);
        if (found.isEmpty()) {
            description = "not found";
            throw new SendFailedException("no pool found: nothing answered GET " + PoolProbe.STATUS_PATH
                    + " as VantaEchoNebula at " + candidates.stream().map(URI::toString).collect(Collectors.joining(", "))
                    + "; start the system (./vanta start) or configure the pool's address");
        }
        if (registration.isPresent()) {
            String registered = registration.get().register(found.get().baseUrl());
            LOG.info(() -> "Telemetry: " + registered + " at " + found.get().baseUrl());
        }
        BatchSender sender = connect.apply(found.get());
        description = found.get().baseUrl() + " via " + sender;
        LOG.info(() -> "Telemetry goes to the pool at " + description);
        return sender;
    }

    /** Where batches go, for status pages and logs. */
    public synchronized String description() {
        return description;
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
