package org.entraide.core.internal.feature;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.entraide.api.model.Brand;
import org.entraide.api.model.Role;
import org.entraide.api.plugin.BrandFeatures;
import org.entraide.api.plugin.Capability;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.db.Database;
import org.entraide.jdbc.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installed capabilities (registered by plugins) and each brand's choice of them. Choices are cached
 * in memory and reloaded from the database when a brand admin changes them on this node, or every few
 * seconds, so that a change made on another node is seen soon. A choice records since when it holds
 * ({@code brand_feature.updated_at}, moved only when the choice changes): a capability's subscriber receives
 * the events that happened while the brand had it on, not those from before it was turned on.
 */
public final class Capabilities implements BrandFeatures {
    /** A capability as brand admins see it. */
    public record FeatureView(String name, String description, boolean enabled) {
    }

    private static final long RELOAD_MILLIS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(Capabilities.class);

    private final Database db;
    private final Clock clock;
    private final Map<String, Capability> installed = new ConcurrentHashMap<>();
    private volatile Map<String, Choice> choices = Map.of();

    /** A brand's choice of a capability, and since when it holds. */
    private record Choice(boolean enabled, Instant since) {
    }
    private volatile long loadedAt;
    /** Reloads begun, and the latest of them whose choices are published. */
    private final java.util.concurrent.atomic.AtomicLong reloads = new java.util.concurrent.atomic.AtomicLong();
    private long published;
    private volatile Consumer<Capability> onInstall = c -> { };

    /** Told after any change of what is installed or enabled (the core moves every brand's content version). */
    private volatile Runnable changed = () -> { };

    public void onChange(Runnable listener) {
        this.changed = listener;
    }

    public Capabilities(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void install(Capability c) {
        try {
            // before the capability is listed, so that no one sees it in a state the hook is about to change
            onInstall.accept(c);
        } catch (RuntimeException e) {
            LOG.error("Installing capability {}: the start-up choice failed, brands choose it as usual", c.name(), e);
        }
        installed.put(c.name(), c);
        changed.run();
    }

    /** Runs {@code action} for every capability installed from now on, and for those already installed. */
    public void whenInstalled(Consumer<Capability> action) {
        onInstall = action;
        installed.values().forEach(action);
    }

    public void uninstall(String name) {
        installed.remove(name);
        changed.run();
    }

    /** The names of the installed capabilities. */
    public java.util.Set<String> installedNames() {
        return java.util.Set.copyOf(installed.keySet());
    }

    @Override
    public boolean isEnabled(long brandId, String capability) {
        Capability c = installed.get(capability);
        if (c == null) {
            return false;
        }
        Choice choice = choices(false).get(brandId + "/" + capability);
        return choice != null ? choice.enabled() : c.enabledByDefault();
    }

    /**
     * Whether an event that happened at {@code at} is the capability's for this brand: the brand has it on, and
     * had it on then (a capability on by default, never chosen, has always been on).
     */
    public boolean enabledAt(long brandId, String capability, Instant at) {
        Capability c = installed.get(capability);
        if (c == null) {
            return false;
        }
        Choice choice = choices(false).get(brandId + "/" + capability);
        if (choice == null) {
            return c.enabledByDefault();
        }
        return choice.enabled() && !at.isBefore(choice.since());
    }

    public List<FeatureView> list(Brand brand) {
        List<FeatureView> out = new ArrayList<>();
        installed.values().stream().sorted(java.util.Comparator.comparing(Capability::name))
            .forEach(c -> out.add(new FeatureView(c.name(), c.description(), isEnabled(brand.id(), c.name()))));
        return out;
    }

    /** Enables or disables capabilities for a brand; brand admins only; unknown names are a 400. */
    public List<FeatureView> set(Caller caller, Brand brand, Map<String, Boolean> wanted) {
        if (caller.brandId() != brand.id() || !caller.has(Role.BRAND_ADMIN)) {
            throw ProblemException.forbidden("brand admins of " + brand.slug() + " only");
        }
        for (String name : wanted.keySet()) {
            if (!installed.containsKey(name)) {
                throw ProblemException.invalid(name, "no capability '" + name + "' is installed");
            }
        }
        db.inTransaction(c -> {
            wanted.forEach((name, on) -> save(c, brand.id(), name, on, clock.instant()));
            return null;
        });
        choices(true);
        changed.run();
        return list(brand);
    }

    /** Used by the shell and the demo data, without a caller. */
    public void setDirectly(long brandId, String name, boolean on) {
        db.inTransaction(c -> {
            save(c, brandId, name, on, clock.instant());
            return null;
        });
        choices(true);
        changed.run();
    }

    /**
     * Enables a capability for a brand that never chose it, as chosen at {@code since} (the events from then on are
     * the capability's), and leaves a brand's explicit choice alone (a brand admin who turned it off keeps it off
     * across restarts). @return whether it was enabled now
     */
    public boolean enableUnlessChosen(long brandId, String name, Instant since) {
        boolean enabled = db.inTransaction(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM brand_feature WHERE brand_id = ? AND capability = ?", brandId, name) > 0) {
                return false;
            }
            save(c, brandId, name, true, since);
            return true;
        });
        choices(true);
        changed.run();
        return enabled;
    }

    /** Records a choice; its time moves only when the choice changes, so enabling twice keeps the first time. */
    private void save(Connection c, long brandId, String name, boolean on, Instant since) {
        Boolean current = Sql.one(c, "SELECT enabled FROM brand_feature WHERE brand_id = ? AND capability = ?",
            rs -> rs.getBoolean(1), brandId, name).orElse(null);
        if (current == null) {
            Sql.update(c, "INSERT INTO brand_feature (brand_id, capability, enabled, updated_at) VALUES (?, ?, ?, ?)",
                brandId, name, on, since);
        } else if (current != on) {
            Sql.update(c, "UPDATE brand_feature SET enabled = ?, updated_at = ? WHERE brand_id = ? AND capability = ?",
                on, since, brandId, name);
        }
    }

    private Map<String, Choice> choices(boolean force) {
        if (force || clock.millis() - loadedAt > RELOAD_MILLIS) {
            reload();
        }
        return choices;
    }

    /**
     * A reload publishes its choices only if no reload begun after it has published already: a periodic reload that
     * read the table before a brand admin's change committed would otherwise replace the forced reload's fresh choices
     * with its stale ones, for up to {@value #RELOAD_MILLIS} ms. No lock is held while the table is read: a reload
     * waiting for a connection must not stop the threads that hold one.
     */
    private void reload() {
        long now = clock.millis();
        long begun = reloads.incrementAndGet();
        Map<String, Choice> fresh = new ConcurrentHashMap<>();
        db.inTransaction(c -> Sql.list(c, "SELECT brand_id, capability, enabled, updated_at FROM brand_feature",
            rs -> fresh.put(rs.getLong("brand_id") + "/" + rs.getString("capability"),
                new Choice(rs.getBoolean("enabled"), Sql.instant(rs, "updated_at")))));
        synchronized (this) {
            if (begun > published) {
                choices = fresh;
                loadedAt = now;
                published = begun;
            }
        }
    }
}
