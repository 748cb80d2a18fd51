package org.entraide.itests.upgrade;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.entraide.api.plugin.Capability;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.storage.SchemaMigrator;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiEndpoints;
import org.entraide.api.web.ApiResult;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * A tiny capability built in two versions by {@link ProbeBundles} for {@code LiveUpgradeIT}: brands' notes, written
 * and listed through the core's {@code ApiEndpoints}, in a table its own migrations create. Each version is a
 * subclass; the listing names the version that serves it. A bundle activator rather than DS components, so that
 * the test assembles the bundles itself without bnd.
 */
public abstract class ProbePlugin implements BundleActivator {
    public static final String CAPABILITY = "upgrade-probe";
    public static final String PATH = "/brands/{brand}/probe-notes";
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private final String version;
    private Transactions tx;

    /** @param version the version this class is, as its listing says */
    protected ProbePlugin(String version) {
        this.version = version;
    }

    /** Stores a note of the brand; returns its id. */
    protected abstract long insert(Connection c, long brandId, String body);

    @Override
    public void start(BundleContext context) {
        tx = service(context, Transactions.class);
        ApiEndpoints endpoints = service(context, ApiEndpoints.class);
        service(context, SchemaMigrator.class).migrate("upgradeprobe", getClass().getClassLoader(), "db/upgradeprobe");
        registrations.add(context.registerService(Capability.class, new Capability() {
            @Override
            public String name() {
                return CAPABILITY;
            }

            @Override
            public String description() {
                return "Notes of a brand, to test live upgrades (" + version + ")";
            }
        }, null));
        registrations.add(context.registerService(RoutesBuilder.class, new RouteBuilder() {
            @Override
            public void configure() {
                rest(ApiEndpoints.BASE).get(PATH).to("direct:probe.notes.list");
                rest(ApiEndpoints.BASE).post(PATH).to("direct:probe.notes.add");
                from("direct:probe.notes.list").routeId("probe.notes.list")
                    .process(endpoints.processor(CAPABILITY, ProbePlugin.this::list, "brand"));
                from("direct:probe.notes.add").routeId("probe.notes.add")
                    .process(endpoints.processor(CAPABILITY, ProbePlugin.this::add, "brand"));
            }
        }, null));
    }

    @Override
    public void stop(BundleContext context) {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }

    private ApiResult list(ApiCall call) {
        return ApiResult.ok(tx.inTransaction(c -> {
            List<Map<String, Object>> items = org.entraide.jdbc.Sql.list(c, "SELECT * FROM probe_note WHERE brand_id = ? ORDER BY id",
                ProbePlugin::note, call.brand().id());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("version", version);
            out.put("items", items);
            return out;
        }));
    }

    private ApiResult add(ApiCall call) {
        call.caller();
        String body = call.body(JsonNode.class).path("body").asText("").strip();
        if (body.isEmpty() || body.length() > 200) {
            throw ProblemException.invalid("body", "1 to 200 characters");
        }
        long id = tx.inTransaction(c -> insert(c, call.brand().id(), body));
        return ApiResult.created(ApiEndpoints.BASE + "/brands/" + call.brand().slug() + "/probe-notes/" + id, Map.of("id", id));
    }

    /** A note as the listing shows it: every column of its version's table but the brand. */
    private static Map<String, Object> note(ResultSet row) throws SQLException {
        Map<String, Object> note = new LinkedHashMap<>();
        ResultSetMetaData columns = row.getMetaData();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            String name = columns.getColumnLabel(i).toLowerCase(Locale.ROOT);
            if (!name.equals("brand_id")) {
                note.put(name, row.getObject(i));
            }
        }
        return note;
    }

    private static <T> T service(BundleContext context, Class<T> type) {
        ServiceReference<T> ref = context.getServiceReference(type);
        if (ref == null) {
            throw new IllegalStateException("no " + type.getName() + " service: is entraide-core started?");
        }
        return context.getService(ref);
    }
}
