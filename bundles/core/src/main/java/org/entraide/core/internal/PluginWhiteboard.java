package org.entraide.core.internal;

import java.util.ArrayList;
import java.util.List;

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

    private final List<Object> early = new ArrayList<>();
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
        addOrQueue(c);
    }

    synchronized void unbindCapability(Capability c) {
        early.remove(c);
        if (core != null) {
            core.capabilities.uninstall(c.name());
            LOG.info("Capability {} removed", c.name());
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindSubscriber(EventSubscriber s) {
        addOrQueue(s);
    }

    synchronized void unbindSubscriber(EventSubscriber s) {
        early.remove(s);
        if (core != null) {
            core.dispatcher.unregister(s.descriptor().name());
            LOG.info("Event subscriber {} removed", s.descriptor().name());
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindStep(SubmissionStep s) {
        addOrQueue(s);
    }

    synchronized void unbindStep(SubmissionStep s) {
        early.remove(s);
        if (core != null) {
            core.pipeline.remove(s);
        }
    }

    private void addOrQueue(Object contribution) {
        if (core == null) {
            early.add(contribution);
        } else {
            add(contribution);
        }
    }

    private void add(Object contribution) {
        try {
            if (contribution instanceof Capability c) {
                core.capabilities.install(c);
                LOG.info("Capability {} installed", c.name());
            } else if (contribution instanceof EventSubscriber s) {
                core.dispatcher.register(s.descriptor());
            } else if (contribution instanceof SubmissionStep s) {
                core.pipeline.add(s);
            }
        } catch (RuntimeException e) {
            // A faulty plugin is logged once and left out; the others keep working.
            LOG.error("Could not bind {}", contribution, e);
        }
    }
}
