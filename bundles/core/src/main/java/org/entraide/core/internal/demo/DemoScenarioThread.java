package org.entraide.core.internal.demo;

import java.time.Duration;

import org.apache.camel.CamelContext;
import org.entraide.core.internal.Core;
import org.entraide.core.internal.platform.PlatformTime;
import org.osgi.framework.BundleContext;

/**
 * Plays the {@link DemoScenario} on its own thread once Karaf has finished installing its boot features (the
 * {@code org.apache.karaf.features.BootFinished} service, looked up by name so that the core does not depend on
 * Karaf), so that the capabilities started at boot take part in it.
 */
public final class DemoScenarioThread {
    private static final String BOOT_FINISHED = "org.apache.karaf.features.BootFinished";

    private DemoScenarioThread() {
    }

    public static Thread start(BundleContext bundle, Core core, CamelContext camel, PlatformTime time) {
        String host = camel.getRestConfiguration().getHost();
        if (host == null || host.isEmpty() || "0.0.0.0".equals(host) || "::".equals(host)) {
            host = "127.0.0.1";
        }
        String api = "http://" + host + ":" + camel.getRestConfiguration().getPort() + "/api/v1";
        DemoScenario scenario = new DemoScenario(core, api, time);
        Thread t = new Thread(() -> {
            try {
                scenario.playWhenStarted(() -> bootFinished(bundle), Duration.ofSeconds(5), Duration.ofMinutes(5));
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }, "entraide-demo-scenario");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static boolean bootFinished(BundleContext bundle) {
        try {
            return bundle.getServiceReference(BOOT_FINISHED) != null;
        } catch (IllegalStateException stopped) {
            return false;
        }
    }
}
