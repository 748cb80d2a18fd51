package org.entraide.core.internal.instance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A feature installer in memory, as Karaf's would answer: the features it offers, those installed, and every
 * operation it was asked for. A feature named in {@link #failing} fails to install, as a missing bundle would.
 */
public final class FakeInstaller implements CapabilityInstaller {
    private final Map<String, String> descriptions = new ConcurrentHashMap<>();
    private final Map<String, List<String>> versions = new ConcurrentHashMap<>();
    private final Set<String> installed = ConcurrentHashMap.newKeySet();
    public final List<String> calls = new CopyOnWriteArrayList<>();
    public final Set<String> failing = ConcurrentHashMap.newKeySet();

    /** Offers a feature in these versions. */
    public FakeInstaller offer(String name, String description, String... offered) {
        descriptions.put(name, description);
        versions.put(name, List.of(offered));
        return this;
    }

    public FakeInstaller installed(String name, String version) {
        installed.add(name + "/" + version);
        return this;
    }

    public boolean isInstalled(String name, String version) {
        return installed.contains(name + "/" + version);
    }

    @Override
    public List<Offer> offers() {
        List<Offer> out = new ArrayList<>();
        versions.forEach((name, vs) -> vs.forEach(v -> out.add(new Offer(name, v, descriptions.get(name), isInstalled(name, v)))));
        return out;
    }

    @Override
    public void install(String name, String version, Consumer<String> progress) {
        calls.add("install " + name + " " + version);
        progress.accept("resolving " + name + " " + version);
        if (failing.contains(name)) {
            throw new IllegalStateException("Unable to resolve " + name + "/" + version + ": missing requirement");
        }
        installed.add(name + "/" + version);
        progress.accept(name + " " + version + " installed and started");
    }

    @Override
    public void upgrade(String name, String version, Consumer<String> progress) {
        calls.add("upgrade " + name + " " + version);
        installed.removeIf(v -> v.startsWith(name + "/"));
        installed.add(name + "/" + version);
        progress.accept(name + " " + version + " installed and started, the older version uninstalled");
    }

    @Override
    public void uninstall(String name, String version, Consumer<String> progress) {
        calls.add("uninstall " + name + " " + version);
        installed.remove(name + "/" + version);
        progress.accept(name + " " + version + " uninstalled");
    }
}
