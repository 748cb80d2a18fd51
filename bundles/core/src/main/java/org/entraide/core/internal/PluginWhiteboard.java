package org.entraide.core.internal;

import java.util.ArrayList;
import java.util.List;

import org.entraide.api.badges.Expertise;
import org.entraide.api.plugin.Capability;
import org.entraide.api.plugin.EventSubscriber;
import org.entraide.api.plugin.OfficialResponders;
import org.entraide.api.plugin.SubmissionStep;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds what plugins contribute (capabilities, event subscribers, submission steps, topic expertise, official
 * responders, metrics, personal data, reputation's privileges) to the running core, and unbinds it when a plugin goes: its subscriber stops receiving events, its
 * steps leave the pipeline, its data stays.
 */
@Component(immediate = true)
public class PluginWhiteboard {
    private static final Logger LOG = LoggerFactory.getLogger(PluginWhiteboard.class);

    private final List<Contribution> early = new ArrayList<>();
    private Core core;

    /**
     * A whiteboard already bound to a running core, for a test server that installs plugins as Karaf binds them
     * (the same binding code, without the framework).
     */
    public static PluginWhiteboard on(Core running) {
        PluginWhiteboard board = new PluginWhiteboard();
        board.bindCore(running);
        board.activate();
        return board;
    }

    /**
     * Binds the service in every role it plays, as the framework binds a service registered under each of its
     * interfaces.
     */
    public synchronized void bindAll(Object service) {
        if (service instanceof Capability c) {
            bindCapability(c);
        }
        if (service instanceof SubmissionStep s) {
            bindStep(s);
        }
        if (service instanceof EventSubscriber s) {
            bindSubscriber(s);
        }
        if (service instanceof Expertise e) {
            bindExpertise(e);
        }
        if (service instanceof OfficialResponders r) {
            bindResponders(r);
        }
        if (service instanceof org.entraide.api.metrics.MetricSource m) {
            bindMetrics(m);
        }
        if (service instanceof org.entraide.api.privacy.PersonalData p) {
            bindPersonalData(p);
        }
        if (service instanceof org.entraide.api.reputation.ReputationLookup r) {
            bindReputation(r);
        }
    }

    @Reference
    void bindCore(Core started) {
        this.core = started;
    }

    @Activate
    synchronized void activate() {
        early.forEach(this::add);
        early.clear();
    }

    @Deactivate
    synchronized void deactivate() {
        core = null;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindCapability(Capability c) {
        addOrQueue(Role.CAPABILITY, c);
    }

    synchronized void unbindCapability(Capability c) {
        removeOrDequeue(Role.CAPABILITY, c, running -> {
            running.capabilities.uninstall(c.name());
            LOG.info("Capability {} removed", c.name());
        });
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindSubscriber(EventSubscriber s) {
        addOrQueue(Role.SUBSCRIBER, s);
    }

    synchronized void unbindSubscriber(EventSubscriber s) {
        removeOrDequeue(Role.SUBSCRIBER, s, running -> {
            running.dispatcher.unregister(s.descriptor().name());
            LOG.info("Event subscriber {} removed", s.descriptor().name());
        });
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindStep(SubmissionStep s) {
        addOrQueue(Role.STEP, s);
    }

    synchronized void unbindStep(SubmissionStep s) {
        removeOrDequeue(Role.STEP, s, running -> running.pipeline.remove(s));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindExpertise(Expertise e) {
        addOrQueue(Role.EXPERTISE, e);
    }

    synchronized void unbindExpertise(Expertise e) {
        removeOrDequeue(Role.EXPERTISE, e, running -> running.experts.forget(e));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindResponders(OfficialResponders r) {
        addOrQueue(Role.RESPONDERS, r);
    }

    synchronized void unbindResponders(OfficialResponders r) {
        removeOrDequeue(Role.RESPONDERS, r, running -> running.voices.remove(r));
    }

    /** A plugin service going: out of the queue if the core was not there yet, else out of the running core. */
    private void removeOrDequeue(Role role, Object service, java.util.function.Consumer<Core> removal) {
        early.remove(new Contribution(role, service));
        if (core != null) {
            removal.accept(core);
        }
    }

    private void addOrQueue(Role role, Object service) {
        Contribution contribution = new Contribution(role, service);
        if (core == null) {
            early.add(contribution);
        } else {
            add(contribution);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindMetrics(org.entraide.api.metrics.MetricSource m) {
        addOrQueue(Role.METRICS, m);
    }

    synchronized void unbindMetrics(org.entraide.api.metrics.MetricSource m) {
        removeOrDequeue(Role.METRICS, m, running -> running.metrics.remove(m));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindPersonalData(org.entraide.api.privacy.PersonalData p) {
        addOrQueue(Role.PERSONAL_DATA, p);
    }

    synchronized void unbindPersonalData(org.entraide.api.privacy.PersonalData p) {
        removeOrDequeue(Role.PERSONAL_DATA, p, running -> running.personalData.remove(p));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindReputation(org.entraide.api.reputation.ReputationLookup r) {
        addOrQueue(Role.REPUTATION, r);
    }

    synchronized void unbindReputation(org.entraide.api.reputation.ReputationLookup r) {
        removeOrDequeue(Role.REPUTATION, r, running -> running.privileges.forget(r));
    }

    private enum Role { CAPABILITY, SUBSCRIBER, STEP, EXPERTISE, RESPONDERS, METRICS, PERSONAL_DATA, REPUTATION }

    /** A service and the role it was bound in. */
    private record Contribution(Role role, Object service) {
    }

    private void add(Contribution contribution) {
        try {
            // bound per role: one object may be a subscriber and a step, and each bind adds only its own role
            switch (contribution.role()) {
                case CAPABILITY -> {
                    Capability c = (Capability) contribution.service();
                    core.capabilities.install(c);
                    LOG.info("Capability {} installed", c.name());
                }
                case SUBSCRIBER -> core.dispatcher.register(((EventSubscriber) contribution.service()).descriptor());
                case STEP -> core.pipeline.add((SubmissionStep) contribution.service());
                case EXPERTISE -> core.experts.use((Expertise) contribution.service());
                case RESPONDERS -> core.voices.add((OfficialResponders) contribution.service());
                case METRICS -> core.metrics.add((org.entraide.api.metrics.MetricSource) contribution.service());
                case PERSONAL_DATA -> core.personalData.add((org.entraide.api.privacy.PersonalData) contribution.service());
                case REPUTATION -> core.privileges.use((org.entraide.api.reputation.ReputationLookup) contribution.service());
                default -> throw new IllegalStateException("unknown role " + contribution.role());
            }
        } catch (RuntimeException e) {
            // A faulty plugin is logged once and left out; the others keep working.
            LOG.error("Could not bind {}", contribution, e);
        }
    }
}
