package org.entraide.core.internal.instance;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.entraide.api.model.Brand;
import org.entraide.api.problem.ProblemException;
import org.entraide.core.internal.brand.BrandDirectory;
import org.entraide.core.internal.feature.Capabilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance console's capabilities: the {@code entraide-*} features this node's installer offers, which brands
 * enable each, and install, uninstall and upgrade jobs. A job runs on one thread of its own, one at a time (Karaf's
 * installer serializes its work anyway, and two operations on one feature must not interleave); the console polls
 * its state. Jobs are this node's: a feature is installed on the node that runs it, so each node of a cluster is
 * upgraded through its own console or, better, built with the same boot features (docs/operations.md).
 */
public final class InstanceCapabilities {
    /** The features that make the platform itself: never uninstalled from the console, nor installed again. */
    static final Set<String> PLATFORM = Set.of("entraide-core", "entraide-web", "entraide-camel", "entraide-datasource");
    private static final String PREFIX = "entraide-";
    private static final int KEPT_JOBS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(InstanceCapabilities.class);

    /**
     * A feature as the console shows it. {@code capability} is the name brands enable it by; {@code enabledBy} the
     * brands that have it on (empty for a feature not installed: no brand can have it on).
     */
    public record CapabilityView(String name, String capability, String description, List<String> versions,
                                 List<String> installedVersions, String latestVersion, boolean platform,
                                 boolean upgradable, List<String> enabledBy) {
    }

    /** What an operation is. */
    public enum Operation { INSTALL, UNINSTALL, UPGRADE }

    /** Where a job is: queued, running, then done or failed (with its error in words). */
    public enum State { QUEUED, RUNNING, SUCCEEDED, FAILED }

    /** A job as the console polls it: its steps so far, in words, and its error if it failed. */
    public record JobView(long id, Operation operation, String feature, String version, State state,
                          List<String> steps, String error, Instant createdAt, Instant updatedAt) {
    }

    private final Supplier<CapabilityInstaller> installer;
    private final Capabilities capabilities;
    private final BrandDirectory brands;
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Job> jobs = new LinkedHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "entraide-instance-console");
        t.setDaemon(true);
        return t;
    });

    public InstanceCapabilities(Supplier<CapabilityInstaller> installer, Capabilities capabilities, BrandDirectory brands,
                                Clock clock) {
        this.installer = installer;
        this.capabilities = capabilities;
        this.brands = brands;
        this.clock = clock;
    }

    /** Every Entraide feature offered, by name, with its versions oldest first. */
    public List<CapabilityView> list() {
        Map<String, List<CapabilityInstaller.Offer>> byName = offersByName(installer());
        List<Brand> all = brands.all();
        List<CapabilityView> out = new ArrayList<>();
        byName.forEach((name, offers) -> {
            List<String> versions = offers.stream().map(CapabilityInstaller.Offer::version).toList();
            List<String> installed = offers.stream().filter(CapabilityInstaller.Offer::installed)
                .map(CapabilityInstaller.Offer::version).toList();
            String latest = versions.get(versions.size() - 1);
            String capability = name.substring(PREFIX.length());
            List<String> enabledBy = installed.isEmpty() ? List.of() : all.stream()
                .filter(b -> capabilities.isEnabled(b.id(), capability)).map(Brand::slug).sorted().toList();
            String description = offers.get(offers.size() - 1).description();
            boolean platform = PLATFORM.contains(name);
            boolean upgradable = !platform && !installed.isEmpty() && !installed.contains(latest);
            out.add(new CapabilityView(name, capability, description, versions, installed, latest, platform, upgradable,
                enabledBy));
        });
        return out;
    }

    /** Queues the installation of a feature not installed yet; the newest version unless one is named. */
    public JobView install(String name, String version) {
        CapabilityInstaller i = installer();
        List<CapabilityInstaller.Offer> offers = offersOf(i, name);
        if (offers.stream().anyMatch(CapabilityInstaller.Offer::installed)) {
            throw ProblemException.conflict(name + " is installed already: upgrade or uninstall it");
        }
        String chosen = chosen(offers, name, version);
        return start(Operation.INSTALL, name, chosen, job -> i.install(name, chosen, job::step));
    }

    /** Queues the uninstallation of every installed version of a feature. */
    public JobView uninstall(String name) {
        CapabilityInstaller i = installer();
        List<String> installed = offersOf(i, name).stream().filter(CapabilityInstaller.Offer::installed)
            .map(CapabilityInstaller.Offer::version).toList();
        if (installed.isEmpty()) {
            throw ProblemException.conflict(name + " is not installed");
        }
        return start(Operation.UNINSTALL, name, String.join(", ", installed), job -> {
            for (String v : installed) {
                i.uninstall(name, v, job::step);
            }
        });
    }

    /**
     * Queues an upgrade: the older versions are replaced by the newer one in one deployment (stopped, then the new
     * one started: the capability's own requests get 404 for that moment, the core's and other capabilities' none);
     * its migrations run when the new version starts, on the same tables.
     */
    public JobView upgrade(String name, String version) {
        CapabilityInstaller i = installer();
        List<CapabilityInstaller.Offer> offers = offersOf(i, name);
        List<String> installed = offers.stream().filter(CapabilityInstaller.Offer::installed)
            .map(CapabilityInstaller.Offer::version).toList();
        if (installed.isEmpty()) {
            throw ProblemException.conflict(name + " is not installed: install it");
        }
        String target = chosen(offers, name, version);
        String newestInstalled = installed.get(installed.size() - 1);
        if (Versions.ORDER.compare(target, newestInstalled) <= 0) {
            throw ProblemException.conflict(name + " " + newestInstalled + " is installed; " + target + " is not newer");
        }
        return start(Operation.UPGRADE, name, target, job -> i.upgrade(name, target, job::step));
    }

    /** A job of this node, or 404. */
    public JobView job(long id) {
        synchronized (jobs) {
            Job job = jobs.get(id);
            if (job == null) {
                throw ProblemException.notFound("no job " + id + " on this node");
            }
            return job.view();
        }
    }

    /** The latest jobs of this node, newest first. */
    public List<JobView> jobs() {
        synchronized (jobs) {
            List<JobView> out = new ArrayList<>(jobs.values().stream().map(Job::view).toList());
            out.sort(Comparator.comparingLong(JobView::id).reversed());
            return out;
        }
    }

    /** Stops the worker; a running installation finishes in Karaf, its job is forgotten with this object. */
    public void close() {
        worker.shutdownNow();
    }

    private CapabilityInstaller installer() {
        CapabilityInstaller i = installer.get();
        if (i == null) {
            throw new ProblemException(503, "not-in-karaf", "Unavailable",
                "capabilities are installed through Karaf's feature service, and this server does not run in Karaf", null, null);
        }
        return i;
    }

    private static Map<String, List<CapabilityInstaller.Offer>> offersByName(CapabilityInstaller i) {
        Map<String, List<CapabilityInstaller.Offer>> byName = new TreeMap<>();
        List<CapabilityInstaller.Offer> offers;
        try {
            offers = i.offers();
        } catch (RuntimeException e) {
            // a repository Karaf cannot read (a missing file, an unreachable Maven repository): said in words
            throw new ProblemException(503, "features-unreadable", "Unavailable",
                "the feature repositories cannot be read: " + e.getMessage(), null, null);
        }
        for (CapabilityInstaller.Offer o : offers) {
            if (o.name().startsWith(PREFIX)) {
                byName.computeIfAbsent(o.name(), n -> new ArrayList<>()).add(o);
            }
        }
        byName.values().forEach(l -> l.sort(Comparator.comparing(CapabilityInstaller.Offer::version, Versions.ORDER)));
        return byName;
    }

    /** The offers of a feature the console may act on: 404 when unknown, 409 for the platform's own. */
    private static List<CapabilityInstaller.Offer> offersOf(CapabilityInstaller i, String name) {
        List<CapabilityInstaller.Offer> offers = offersByName(i).get(name);
        if (offers == null) {
            throw ProblemException.notFound("no capability " + name + " in this server's feature repositories");
        }
        if (PLATFORM.contains(name)) {
            throw ProblemException.conflict(name + " is part of the platform: it is installed and upgraded with the distribution");
        }
        return offers;
    }

    private static String chosen(List<CapabilityInstaller.Offer> offers, String name, String version) {
        if (version == null) {
            return offers.get(offers.size() - 1).version();
        }
        if (offers.stream().noneMatch(o -> o.version().equals(version))) {
            throw ProblemException.invalid("version", "no version " + version + " of " + name + " is offered");
        }
        return version;
    }

    private interface Work {
        void run(Job job) throws Exception;
    }

    private JobView start(Operation operation, String name, String version, Work work) {
        Job job;
        synchronized (jobs) {
            job = new Job(ids.incrementAndGet(), operation, name, version, clock.instant());
            jobs.put(job.id, job);
            while (jobs.size() > KEPT_JOBS) {
                jobs.remove(jobs.keySet().iterator().next());
            }
        }
        LOG.info("Instance console: {} {} {} queued as job {}", operation, name, version, job.id);
        worker.execute(() -> {
            job.running();
            try {
                work.run(job);
                job.done(null);
                LOG.info("Instance console: job {} ({} {} {}) succeeded", job.id, operation, name, version);
            } catch (Exception | LinkageError e) {
                String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                job.done(error);
                LOG.error("Instance console: job {} ({} {} {}) failed", job.id, operation, name, version, e);
            }
        });
        return job.view();
    }

    /** One operation's progress, written by the worker and read by the console. */
    private final class Job {
        final long id;
        final Operation operation;
        final String feature;
        final String version;
        final Instant createdAt;
        private final List<String> steps = new ArrayList<>();
        private State state = State.QUEUED;
        private String error = "";
        private Instant updatedAt;

        Job(long id, Operation operation, String feature, String version, Instant now) {
            this.id = id;
            this.operation = operation;
            this.feature = feature;
            this.version = version;
            this.createdAt = now;
            this.updatedAt = now;
            steps.add("queued");
        }

        synchronized void step(String words) {
            steps.add(words);
            updatedAt = clock.instant();
        }

        synchronized void running() {
            state = State.RUNNING;
            updatedAt = clock.instant();
        }

        synchronized void done(String failure) {
            if (failure == null) {
                state = State.SUCCEEDED;
                steps.add("done");
            } else {
                state = State.FAILED;
                error = failure;
                steps.add("failed: " + failure);
            }
            updatedAt = clock.instant();
        }

        synchronized JobView view() {
            return new JobView(id, operation, feature, version, state, List.copyOf(steps), error, createdAt, updatedAt);
        }
    }
}
