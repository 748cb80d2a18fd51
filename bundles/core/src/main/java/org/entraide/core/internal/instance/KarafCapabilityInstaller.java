package org.entraide.core.internal.instance;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;

/**
 * The installer of the distribution: Karaf's FeaturesService. Only this class names Karaf's types, so that the core
 * runs without them (unit tests, where the console answers 503); it is loaded only once the service is found.
 */
final class KarafCapabilityInstaller implements CapabilityInstaller {
    private final FeaturesService features;

    KarafCapabilityInstaller(Object featuresService) {
        this.features = (FeaturesService) featuresService;
    }

    @Override
    public List<Offer> offers() {
        List<Offer> out = new ArrayList<>();
        try {
            for (Feature f : features.listFeatures()) {
                if (f.getName().startsWith("entraide-")) {
                    out.add(new Offer(f.getName(), f.getVersion(), f.getDescription() == null ? "" : f.getDescription(),
                        features.isInstalled(f)));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("the feature repositories cannot be read: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public void install(String name, String version, Consumer<String> progress) throws Exception {
        progress.accept("resolving " + name + " " + version + " and what it needs");
        // NoAutoRefreshBundles: refreshing the bundles wired to a shared library would restart the core and every
        // other capability; a new capability only adds bundles, and the core binds it dynamically.
        features.installFeature(name, version, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        progress.accept(name + " " + version + " installed and started");
    }

    @Override
    public void uninstall(String name, String version, Consumer<String> progress) throws Exception {
        progress.accept("stopping and removing " + name + " " + version);
        features.uninstallFeature(name, version, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        progress.accept(name + " " + version + " uninstalled");
    }

    @Override
    public void upgrade(String name, String version, Consumer<String> progress) throws Exception {
        progress.accept("replacing the installed version of " + name + " by " + version);
        // Upgrade: the older versions of the feature leave in the same deployment, their bundles stopped before the
        // new ones start; still no refresh of the bundles the core and the other capabilities run on
        features.installFeature(name, version,
            EnumSet.of(FeaturesService.Option.Upgrade, FeaturesService.Option.NoAutoRefreshBundles));
        progress.accept(name + " " + version + " installed and started, the older version uninstalled");
    }

    /** Whether Karaf's feature API can be loaded by this bundle (it is an optional import). */
    static boolean available() {
        try {
            Class.forName("org.apache.karaf.features.FeaturesService", false, KarafCapabilityInstaller.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
