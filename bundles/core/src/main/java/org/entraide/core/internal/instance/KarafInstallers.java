package org.entraide.core.internal.instance;

import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Finds Karaf's FeaturesService when the console needs it, by name, so that the core neither requires Karaf's
 * feature API to resolve nor waits for it at start-up: outside Karaf (or before the service is there) the console
 * answers 503.
 */
public final class KarafInstallers {
    private static final String FEATURES_SERVICE = "org.apache.karaf.features.FeaturesService";

    private KarafInstallers() {
    }

    public static Supplier<CapabilityInstaller> from(BundleContext bundle) {
        return () -> {
            if (!KarafCapabilityInstaller.available()) {
                return null;
            }
            ServiceReference<?> ref;
            try {
                ref = bundle.getServiceReference(FEATURES_SERVICE);
            } catch (IllegalStateException stopping) {
                return null;
            }
            Object service = ref == null ? null : bundle.getService(ref);
            // the framework counts the use; the core holds it as long as it runs, like a static reference
            return service == null ? null : new KarafCapabilityInstaller(service);
        };
    }
}
