package io.vantaechonebula.telemetry.collector;

import io.vantaechonebula.telemetry.BatchPayloadWriter;
import io.vantaechonebula.telemetry.BlockRecord;
import io.vantaechonebula.telemetry.TelemetrySample;
import io.vantaechonebula.telemetry.host.ProcessSampler;
import io.vantaechonebula.telemetry.outbox.Outbox;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One node's collector: {@link #sample} reads the node (one sample per chain) into the outbox,
 * {@link #sendDue} sends the batches that are due. Both run on one thread, every few seconds.
 */
public final class TelemetryCollector {

    private static final Logger LOG = Logger.getLogger(TelemetryCollector.class.getName());
    private static final int SENDS_REMEMBERED = 20;

    private final String nodeId;
    private final String nodeType;
    private final Supplier<List<ChainReading>> chains;
    private final Supplier<PeerReading> peers;
    private final ProcessSampler host;
    private final LongSupplier sequence;
    private final Outbox<TelemetrySample> outbox;
    private final BatchSender sender;
    private final SendHistory history = new SendHistory(SENDS_REMEMBERED);
    private long samplesSent;
    private long batchesSent;
    private String lastFailure;

    public TelemetryCollector(String nodeId, String nodeType, Supplier<List<ChainReading>> chains,
                              Supplier<PeerReading> peers, ProcessSampler host, LongSupplier sequence,
                              Outbox<TelemetrySample> outbox, BatchSender sender) {
        this.nodeId = nodeId;
        this.nodeType = nodeType;
        this.chains = chains;
        this.peers = peers;
        this.host = host;
        this.sequence = sequence;
        this.outbox = outbox;
        this.sender = sender;
    }

    /** Reads the node now and buffers one sample per chain. */
    public List<TelemetrySample> sample(long nowMillis) {
        ProcessSampler.Reading process = host.sample();
        PeerReading network = peers.get();
        double quality = history.successShare();
        BigDecimal timestamp = BigDecimal.valueOf(nowMillis, 3);
        List<TelemetrySample> samples = new ArrayList<>();
        for (ChainReading chain : chains.get()) {
            TelemetrySample sample = new TelemetrySample(nodeId, nodeType, chain.chainId(), timestamp, sequence.getAsLong(),
                    chain.height(), chain.blocksInInterval(), chain.transactionsInInterval(), chain.hashRate(),
                    chain.sync().map(ChainReading.Sync::syncing).orElse(null),
                    chain.sync().map(ChainReading.Sync::blocksBehind).orElse(null), network.peers(), network.averageLatencyMs(), process.bandwidthBytesPerSecond(), quality,
                    process.cpuUsage(), process.memoryUsage(), process.storageUsage(), process.uptimeSeconds(), extensions(chain));
            outbox.add(sample, nowMillis);
            samples.add(sample);
        }
        return samples;
    }

    /** The sample's {@code blocks}, {@code transaction_analysis} and {@code refused_forks}, where the reading has them (docs/ingest.md). */
    private static String extensions(ChainReading chain) {
        JsonObjectBuilder extensions = Json.createObjectBuilder();
        if (!chain.blocks().isEmpty()) {
            extensions.add("blocks", BlockRecord.json(chain.blocks()));
        }
        chain.transactionAnalysis().ifPresent(report -> extensions.add("transaction_analysis", TransactionAnalysisJson.of(report)));
        chain.refusedForks().ifPresent(refused -> extensions.add("refused_forks", refused.json()));
        JsonObject built = extensions.build();
        return built.isEmpty() ? null : built.toString();
    }

    /** Has the samples waiting go out at the next {@link #sendDue}, without waiting for a full batch. */
    public void sendSoon() {
        outbox.expedite();
    }

    /**
     * Sends every batch that is due, stopping at the first the pool does not take; that one waits
     * in the outbox for its backoff.
     *
     * @return the number of batches sent
     */
    public int sendDue(long nowMillis) {
        int sent = 0;
        Optional<Outbox.Batch<TelemetrySample>> due;
        while ((due = outbox.takeDue(nowMillis)).isPresent()) {
            Outbox.Batch<TelemetrySample> batch = due.get();
            List<TelemetrySample> samples = batch.samples();
            try {
                sender.send(nodeId, BatchPayloadWriter.batch(nodeId, BigDecimal.valueOf(nowMillis, 3), samples, outbox.dropped()));
            } catch (BatchSender.SendFailedException | RuntimeException e) {
                history.record(false);
                long delay = outbox.failed(batch, nowMillis);
                recordFailure(e, samples.size(), delay);
                return sent;
            }
            outbox.sent();
            history.record(true);
            recordSuccess(samples.size());
            sent++;
        }
        return sent;
    }

    private synchronized void recordSuccess(int samples) {
        if (lastFailure != null) {
            LOG.info(() -> "Telemetry of node " + nodeId + " reaches the pool again");
        }
        lastFailure = null;
        samplesSent += samples;
        batchesSent++;
    }

    private synchronized void recordFailure(Exception e, int samples, long delayMillis) {
        String reason = e.getMessage();
        // Once per outage at WARNING, then quietly: a pool down for an hour must not flood the log.
        Level level = lastFailure == null ? Level.WARNING : Level.FINE;
        LOG.log(level, () -> "The pool did not take a batch of " + samples + " samples from node " + nodeId + ": " + reason
                + "; kept " + outbox.size() + " samples, next try in " + delayMillis + " ms");
        lastFailure = reason;
    }

    public synchronized Status status() {
        return new Status(outbox.size(), outbox.dropped(), samplesSent, batchesSent, outbox.failuresInARow(),
                history.successShare(), lastFailure);
    }

    /**
     * @param lastFailure why the last send failed, or null once one has succeeded since
     */
    public record Status(int buffered, long dropped, long samplesSent, long batchesSent, int failuresInARow,
                         double connectionQuality, String lastFailure) {
    }
}
