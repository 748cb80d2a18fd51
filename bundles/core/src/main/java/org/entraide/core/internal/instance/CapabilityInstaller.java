package org.entraide.core.internal.instance;

import java.util.List;
import java.util.function.Consumer;

/**
 * What the instance console needs of the server's feature installer: the Entraide features its repositories offer,
 * and installing or uninstalling one version of one. Karaf's FeaturesService does it in the distribution
 * ({@link KarafCapabilityInstaller}); tests give a fake. Calls block until the installer is done: the console runs
 * them on a thread of its own and reports their progress as a job.
 */
public interface CapabilityInstaller {
    /** One version of one feature the repositories offer, and whether that version is installed now. */
    record Offer(String name, String version, String description, boolean installed) {
    }

    /** Every version of every {@code entraide-*} feature of the known repositories. */
    List<Offer> offers();

    /** Installs that version of the feature and what it needs; {@code progress} receives steps in words. */
    void install(String name, String version, Consumer<String> progress) throws Exception;

    /** Uninstalls that version of the feature (the bundles nothing else needs go with it). */
    void uninstall(String name, String version, Consumer<String> progress) throws Exception;

    /**
     * Replaces the installed versions of the feature by {@code version} in one deployment, so that the two versions
     * never run side by side: their routes, capability and subscriber have the same names, and the old one leaving
     * after the new one arrived would take the new one's away.
     */
    void upgrade(String name, String version, Consumer<String> progress) throws Exception;
}
