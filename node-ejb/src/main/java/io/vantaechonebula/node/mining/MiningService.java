package io.vantaechonebula.node.mining;

import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.pow.MiningLoop;
import io.vantaechonebula.node.chain.ChainRegistry;
import io.vantaechonebula.node.config.SettingsSource;
import io.vantaechonebula.node.identity.NodeIdentity;
import io.vantaechonebula.node.running.RunningChain;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Mines the chains named by {@code vanta.mining.chains} (default: all) when
 * {@code vanta.mining.enabled} (env {@code MINING_ENABLED}) is true: {@code vanta.mining.threads} threads per chain search nonces for a block template,
 * and import what they find. They start over when the head changes. Every two seconds they build the
 * template again if it has room and the mempool has changed; a full template only gets the current
 * time, because building one of 50,000 transactions takes a core for a quarter second or more, and
 * transactions that outbid it wait for the next block. They stop when the application stops.
 */
@Singleton
@Startup
@DependsOn({"ChainRegistry", "NodeIdentity"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MiningService {

    private static final Logger LOG = Logger.getLogger(MiningService.class.getName());

    @EJB
    private ChainRegistry registry;

    @EJB
    private NodeIdentity identity;

    @Resource
    private ManagedThreadFactory threadFactory;

    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;

    @PostConstruct
    void start() {
        MiningSettings settings = MiningSettings.from(SettingsSource.ofConfig(), identity.settings().chains());
        int threads = settings.threads();
        Set<String> chains = settings.chains();
        if (!settings.enabled() || threads < 1) {
            LOG.info("Mining is off (vanta.mining.enabled=" + settings.enabled() + ", vanta.mining.threads=" + threads + ")");
            return;
        }
        running = true;
        Address miner = identity.publicKeyAddress();
        long seed = new SecureRandom().nextLong();
        for (RunningChain chain : registry.all()) {
            if (!chains.contains(chain.params().name())) {
                LOG.info(() -> "Not mining " + chain.params().name() + " (vanta.mining.chains=" + chains + ")");
                continue;
            }
            for (int index = 0; index < threads; index++) {
                Thread worker = threadFactory.newThread(new MiningLoop(chain.params().name(), chain.miningTarget(miner), seed + index,
                        threads, () -> running));
                worker.setName("vanta-miner-" + chain.params().name() + "-" + index);
                worker.setDaemon(true);
                workers.add(worker);
                worker.start();
            }
            LOG.info(() -> "Mining " + chain.params().name() + " with " + threads + " thread(s) for " + miner);
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        for (Thread worker : workers) {
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.info("Miners stopped");
    }
}
