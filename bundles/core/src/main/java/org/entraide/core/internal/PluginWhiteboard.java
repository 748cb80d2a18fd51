package org.entraide.core.internal;

import java.util.ArrayList;
import java.util.List;

import org.entraide.api.badges.Expertise;
import org.entraide.api.plugin.Capability;
import org.entraide.api.plugin.EventSubscriber;
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
 * Binds what plugins contribute (capabilities, event subscribers, submission steps) to the running core, and
 * unbinds it when a plugin goes: its subscriber stops receiving events, its steps leave the pipeline, its data stays.
 */
@Component(immediate = true)
public class PluginWhiteboard {
    private static final Logger LOG = LoggerFactory.getLogger(PluginWhiteboard.class);

    private final List<Contribution> early = new ArrayList<>();
    private Core core;

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
        early.remove(new Contribution(Role.CAPABILITY, c));
        if (core != null) {
            core.capabilities.uninstall(c.name());
            LOG.info("Capability {} removed", c.name());
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindSubscriber(EventSubscriber s) {
        addOrQueue(Role.SUBSCRIBER, s);
    }

    synchronized void unbindSubscriber(EventSubscriber s) {
        early.remove(new Contribution(Role.SUBSCRIBER, s));
        if (core != null) {
            core.dispatcher.unregister(s.descriptor().name());
            LOG.info("Event subscriber {} removed", s.descriptor().name());
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindStep(SubmissionStep s) {
        addOrQueue(Role.STEP, s);
    }

    synchronized void unbindStep(SubmissionStep s) {
        early.remove(new Contribution(Role.STEP, s));
        if (core != null) {
            core.pipeline.remove(s);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindExpertise(Expertise e) {
        addOrQueue(Role.EXPERTISE, e);
    }

    synchronized void unbindExpertise(Expertise e) {
        early.remove(new Contribution(Role.EXPERTISE, e));
        if (core != null) {
            core.experts.forget(e);
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

    private enum Role { CAPABILITY, SUBSCRIBER, STEP, EXPERTISE }

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
                default -> throw new IllegalStateException("unknown role " + contribution.role());
            }
        } catch (RuntimeException e) {
            // A faulty plugin is logged once and left out; the others keep working.
            LOG.error("Could not bind {}", contribution, e);
        }
    }
}
