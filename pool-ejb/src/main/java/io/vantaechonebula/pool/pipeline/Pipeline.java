package io.vantaechonebula.pool.pipeline;

import io.vantaechonebula.chain.encoding.LogText;
import io.vantaechonebula.pool.agent.learningengine.LearnerWorker;
import io.vantaechonebula.pool.agent.learningengine.TrainingConsumer;
import io.vantaechonebula.pool.api.PipelineSnapshot;
import io.vantaechonebula.pool.api.PoolMetrics;
import io.vantaechonebula.pool.api.PoolQueues;
import io.vantaechonebula.pool.api.ProcessorSnapshot;
import io.vantaechonebula.pool.config.PoolRole;
import io.vantaechonebula.pool.stage.Learner;
import io.vantaechonebula.pool.stage.SampleProcessor;
import io.vantaechonebula.pool.stage.Watch;
import io.vantaechonebula.pool.store.DeadBatch;
import io.vantaechonebula.pool.store.PendingBatch;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drives the processors. Every second each processor that is not already busy works through its
 * backlog, {@value #BATCHES_PER_RUN} batches per transaction, on its own thread: a processor that
 * fails stops until the next second and tries the same batches again, while the others go on.
 * Every {@value #LEARNING_PERIOD_MS} ms the Learning Engine takes the results off the {@code Training} queue and
 * trains each {@link Learner} on them, {@value #TRAINING_BATCH} at a time.
 */
@JMSDestinationDefinition(name = PoolQueues.TRAINING_JNDI, interfaceName = "jakarta.jms.Queue",
        destinationName = PoolQueues.TRAINING)
@ManagedExecutorDefinition(name = Pipeline.EXECUTOR, maxAsync = 8)
// Its own clock: on the shared default scheduler one long job (pruning, say) stopped every stage.
@ManagedScheduledExecutorDefinition(name = Pipeline.TICKS, maxAsync = 1)
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Pipeline {

    private static final Logger LOG = Logger.getLogger(Pipeline.class.getName());
    static final String EXECUTOR = "java:app/concurrent/PoolPipeline";
    static final String TICKS = "java:app/concurrent/PoolPipelineTicks";
    static final int BATCHES_PER_RUN = 100;
    static final int TRAINING_BATCH = 20;
    static final long LEARNING_PERIOD_MS = 10_000;
    /** Runs per processor per tick: bounds how long one tick can hold a thread while a backlog drains. */
    private static final int MAX_RUNS_PER_TICK = 50;
    private static final String TRAINING = "training";
    private static final int FAILURE_REPORT_EVERY = 60;
    static final int DEAD_AFTER_FAILURES_ALONE = 3;

    @EJB
    private StageWorker worker;

    @EJB
    private TrainingConsumer trainingConsumer;

    @EJB
    private WatchWorker watchWorker;

    @EJB
    private LearnerWorker learnerWorker;

    @Resource(lookup = EXECUTOR)
    private ManagedExecutorService executor;

    @Resource(lookup = TICKS)
    private ManagedScheduledExecutorService scheduler;

    @PersistenceContext(unitName = "pool")
    private EntityManager em;


    private final Map<String, ProcessorStats> stats = new LinkedHashMap<>();
    private final Map<String, AtomicBoolean> busy = new HashMap<>();
    private final Map<String, ProcessorStats> watchStats = new LinkedHashMap<>();
    private final Map<String, Long> watchLastStartMs = new ConcurrentHashMap<>();
    private final Map<String, ProcessorStats> learnerStats = new LinkedHashMap<>();
    private volatile long learningLastStartMs;
    private final RateMeter samplesIn = new RateMeter();
    private final LatencyWindow sentToStored = new LatencyWindow();
    private final RateMeter trainingIn = new RateMeter();
    private volatile long trainingTaken;
    private ScheduledFuture<?> ticks;

    @PostConstruct
    void start() {
        for (SampleProcessor<?> processor : Agents.STAGES) {
            stats.put(processor.name(), new ProcessorStats());
            busy.put(processor.name(), new AtomicBoolean());
            PoolMetrics.expectStage(processor.name());
        }
        busy.put(TRAINING, new AtomicBoolean());
        for (Learner learner : Agents.LEARNERS) {
            learnerStats.put(learnerName(learner), new ProcessorStats());
        }
        for (Watch watch : Agents.WATCHES) {
            watchStats.put(watch.id(), new ProcessorStats());
            busy.put(watch.id(), new AtomicBoolean());
            PoolMetrics.expectWatch(watch.id());
        }
        if (!PoolRole.runsHere()) {
            LOG.info(() -> "Pool pipeline off: " + PoolRole.offReason());
            return;
        }
        int forgotten = worker.forgetStagesOtherThan(Agents.stageNames());
        if (forgotten > 0) {
            LOG.info(() -> "Dropped " + forgotten + " waiting batches of stages this version no longer runs (stages now: "
                    + Agents.stageNames() + ")");
        }
        ticks = scheduler.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        LOG.info(() -> "Pool pipeline started: stages " + Agents.stageNames() + ", up to " + BATCHES_PER_RUN
                + " batches per run, every second");
    }

    @PreDestroy
    void stop() {
        if (ticks != null) {
            ticks.cancel(false);
        }
    }

    /** The stages every stored batch goes through, each once. */
    public List<String> stageNames() {
        return Agents.stageNames();
    }

    /** The MDB tells how many samples of a payload it stored, and when the node sent it. */
    public void stored(int samples, long sentAtMs) {
        long now = System.currentTimeMillis();
        samplesIn.record(samples, now);
        if (samples > 0) {
            sentToStored.record(now - sentAtMs, now);
        }
    }

    private void tick() {
        for (SampleProcessor<?> processor : Agents.STAGES) {
            submitIfIdle(processor.name(), () -> drain(processor));
        }
        long now = System.currentTimeMillis();
        if (now - learningLastStartMs >= LEARNING_PERIOD_MS) {
            submitIfIdle(TRAINING, this::learn);
        }
        for (Watch watch : Agents.WATCHES) {
            if (now - watchLastStartMs.getOrDefault(watch.id(), 0L) >= watch.periodMs()) {
                submitIfIdle(watch.id(), () -> runWatch(watch));
            }
        }
    }

    private void runWatch(Watch watch) {
        long now = System.currentTimeMillis();
        watchLastStartMs.put(watch.id(), now);
        ProcessorStats watchFigures = watchStats.get(watch.id());
        long started = System.nanoTime();
        int items;
        try {
            items = watchWorker.run(watch, now);
        } catch (EJBException | IllegalStateException e) {
            failed(watch.id(), watch.agent().id(), "The " + watch.id() + " watch", watchFigures, e,
                    "nothing it would have reported was kept; it runs again in " + watch.periodMs() / 1000.0 + " s");
            return;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        int endedFailures = watchFigures.succeeded(new StageRun(1, items, new long[0]), millis, System.currentTimeMillis());
        agentRan(watch.agent().id(), items, millis);
        if (endedFailures > 0) {
            LOG.info(() -> "The " + watch.id() + " watch works again after " + endedFailures + " failed runs");
        }
    }

    private void submitIfIdle(String name, Runnable work) {
        AtomicBoolean flag = busy.get(name);
        if (!flag.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } finally {
                    flag.set(false);
                }
            });
        } catch (RuntimeException e) {
            flag.set(false);
            LOG.log(Level.WARNING, "Could not start the " + name + " processor this second", e);
        }
    }

    private void drain(SampleProcessor<?> processor) {
        ProcessorStats processorStats = stats.get(processor.name());
        for (int i = 0; i < MAX_RUNS_PER_TICK; i++) {
            // After a failure the oldest batch goes alone, so that one batch the stage cannot take is found.
            boolean alone = processorStats.failing();
            int size = alone ? 1 : BATCHES_PER_RUN;
            StageRun run = run(processor, processorStats, () -> worker.processNext(processor, size));
            if (run == null) {
                if (alone && processorStats.oldestFailedAlone() >= DEAD_AFTER_FAILURES_ALONE) {
                    setAsideIfTheNextGoesThrough(processor, processorStats);
                }
                return;
            }
            if (run.batches() < size) {
                return;
            }
        }
    }

    /**
     * The oldest batch failed alone {@value #DEAD_AFTER_FAILURES_ALONE} times: when the batch after it
     * goes through, the fault is that batch's, and it is set aside as dead; when that one fails too,
     * the stage itself is failing (a database away, a drill) and every batch waits for it.
     */
    private void setAsideIfTheNextGoesThrough(SampleProcessor<?> processor, ProcessorStats processorStats) {
        String error = processorStats.lastError();
        StageRun next = run(processor, processorStats, () -> worker.processTheOneAfterTheOldest(processor));
        if (next == null || next.batches() == 0) {
            return;
        }
        DeadBatch dead = worker.setOldestAside(processor.name(), DEAD_AFTER_FAILURES_ALONE, error);
        if (dead != null) {
            processorStats.setAside();
            PoolMetrics.DEAD_BATCHES.labelValues(processor.name()).inc();
            LOG.warning(() -> "The " + processor.name() + " processor set batch " + dead.batchId() + " aside as dead ("
                    + dead.sampleCount() + " samples from node " + LogText.of(dead.nodeId()) + "): it failed "
                    + DEAD_AFTER_FAILURES_ALONE + " times alone while the batch after it went through, with " + LogText.of(error)
                    + "; the processor goes on with the batches after it. GET /api/v1/pool/dead-batches lists it");
        }
    }

    /** One run of a stage, its figures counted: null when it failed. */
    private StageRun run(SampleProcessor<?> processor, ProcessorStats processorStats, Supplier<StageRun> work) {
        long started = System.nanoTime();
        StageRun run;
        try {
            run = work.get();
        } catch (EJBException | IllegalStateException e) {
            failed(processor.name(), processor.name(), "The " + processor.name() + " processor", processorStats, e,
                    "its batches stay waiting and are tried again every second, the oldest alone; the other processors go on");
            return null;
        }
        if (run.batches() == 0) {
            return run;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        int endedFailures = processorStats.succeeded(run, millis, System.currentTimeMillis());
        if (endedFailures > 0) {
            LOG.info(() -> "The " + processor.name() + " processor works again after " + endedFailures
                    + " failed runs; its waiting batches are being processed");
        }
        PoolMetrics.PROCESSOR_BATCHES.labelValues(processor.name()).inc(run.batches());
        agentRan(processor.name(), run.samples(), millis);
        return run;
    }

    /**
     * @param id the stage's name or the watch's id, as pool stats show it
     * @param agent whose job it does
     * @param who how the log names it
     */
    private void failed(String id, String agent, String who, ProcessorStats processorStats, Exception e, String consequence) {
        Throwable cause = rootCause(e);
        String error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        int inARow = processorStats.failed(error, System.currentTimeMillis());
        PoolMetrics.PROCESSOR_FAILURES.labelValues(id).inc();
        PoolMetrics.AGENT_FAILURES.labelValues(agent).inc();
        // The first failure with its stack trace, then a line a minute: a stuck processor must not flood the log.
        if (inARow == 1) {
            LOG.log(Level.WARNING, who + " failed a run; " + consequence + ": " + error, cause);
        } else if (inARow % FAILURE_REPORT_EVERY == 0) {
            LOG.warning(() -> who + " still fails (" + inARow + " runs in a row): " + error);
        }
    }

    /** The agents' own metrics, whichever stage or watch did the work: items processed and time per run. */
    private void agentRan(String agent, int items, long millis) {
        PoolMetrics.AGENT_PROCESSED.labelValues(agent).inc(items);
        PoolMetrics.AGENT_RUN.labelValues(agent).observe(millis / 1000.0);
    }

    /** The Learning Engine's round: the queue into training records, then each learner through its new records. */
    private void learn() {
        learningLastStartMs = System.currentTimeMillis();
        drainTraining();
        for (Learner learner : Agents.LEARNERS) {
            String name = learnerName(learner);
            ProcessorStats learnerFigures = learnerStats.get(name);
            long started = System.nanoTime();
            int learnt = 0;
            int runs = 0;
            try {
                int taken;
                do {
                    taken = learnerWorker.learnNext(learner, TRAINING_BATCH);
                    learnt += taken;
                    runs += taken > 0 ? 1 : 0;
                } while (taken == TRAINING_BATCH);
            } catch (EJBException | IllegalStateException e) {
                failed(name, learner.agent().id(), "The " + learner.agent().title(), learnerFigures, e,
                        "it takes the same training records again in " + LEARNING_PERIOD_MS / 1000 + " s, the others go on");
                continue;
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            int endedFailures = learnerFigures.succeeded(new StageRun(runs, learnt, new long[0]), millis, System.currentTimeMillis());
            agentRan(learner.agent().id(), learnt, millis);
            if (endedFailures > 0) {
                LOG.info(() -> "The " + learner.agent().title() + " learns again after " + endedFailures + " failed rounds");
            }
        }
    }

    private static String learnerName(Learner learner) {
        return learner.agent().id() + ":learn";
    }

    private void drainTraining() {
        try {
            int taken;
            do {
                taken = trainingConsumer.takeBatch(TRAINING_BATCH);
                trainingTaken += taken;
                trainingIn.record(taken, System.currentTimeMillis());
            } while (taken == TRAINING_BATCH);
        } catch (EJBException | IllegalStateException e) {
            LOG.log(Level.WARNING, "Could not take results off the Training queue; they stay queued", rootCause(e));
        }
    }

    /** Every processor's figures, with its backlog as the database holds it now. */
    public PipelineSnapshot snapshot() {
        long now = System.currentTimeMillis();
        Map<String, long[]> backlog = new HashMap<>();
        for (Object[] row : em.createNamedQuery(PendingBatch.BACKLOG, Object[].class).getResultList()) {
            backlog.put((String) row[0], new long[] {((Number) row[1]).longValue(), ((Number) row[2]).longValue()});
        }
        Map<String, Long> dead = new HashMap<>();
        for (Object[] row : em.createNamedQuery(DeadBatch.COUNT_BY_STAGE, Object[].class).getResultList()) {
            dead.put((String) row[0], ((Number) row[1]).longValue());
        }
        List<ProcessorSnapshot> processors = new ArrayList<>();
        stats.forEach((name, processorStats) -> {
            long[] waiting = backlog.getOrDefault(name, new long[] {0, now});
            processors.add(processorStats.snapshot(name, waiting[0], dead.getOrDefault(name, 0L), Math.max(0, now - waiting[1]), now));
        });
        List<ProcessorSnapshot> watches = new ArrayList<>();
        watchStats.forEach((id, figures) -> watches.add(figures.snapshot(id, 0, 0, 0, now)));
        List<ProcessorSnapshot> learners = new ArrayList<>();
        learnerStats.forEach((id, figures) -> learners.add(figures.snapshot(id, 0, 0, 0, now)));
        return new PipelineSnapshot(samplesIn.perSecond(now), sentToStored.percentile(50, now),
                sentToStored.percentile(99, now), processors, trainingTaken, trainingIn.perSecond(now), watches, learners);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
