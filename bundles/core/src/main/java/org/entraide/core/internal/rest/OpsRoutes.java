package org.entraide.core.internal.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

import org.entraide.core.internal.metrics.MetricsReport;
import org.entraide.core.internal.metrics.PrometheusText;
import org.entraide.core.internal.ops.OpsSettings;
import org.entraide.core.internal.ops.Readiness;
import org.entraide.core.internal.rest.openapi.Doc;

/**
 * What load balancers and monitoring read, outside the versioned API: liveness and readiness (public, UP or DOWN
 * only) and the Prometheus metrics (instance administrators, or the bearer token of {@code metrics.token}).
 */
public final class OpsRoutes extends ApiRoutes {
    private final Readiness readiness;
    private final MetricsReport metrics;
    private final InstanceAdminCheck admins;
    private final Supplier<OpsSettings> settings;

    public OpsRoutes(ApiDispatcher dispatcher, Readiness readiness, MetricsReport metrics, InstanceAdminCheck admins,
                     Supplier<OpsSettings> settings) {
        super(dispatcher);
        this.readiness = readiness;
        this.metrics = metrics;
        this.admins = admins;
        this.settings = settings;
    }

    @Override
    protected String base() {
        return "";
    }

    @Override
    public void configure() {
        get("/health/live", "health.live", Doc.of("Whether the process answers (liveness)").returns(Status.class),
            r -> ApiReply.ok(new Status("UP")));
        get("/health/ready", "health.ready", Doc.of("Whether this node should receive traffic: database reachable, "
                + "migrations done, event subscribers caught up (503 when not)").returns(Readiness.Report.class),
            r -> {
                Readiness.Report report = readiness.check();
                return new ApiReply(report.ready() ? 200 : 503, report, null);
            });
        get("/metrics", "metrics", Doc.of("Metrics in the Prometheus text format (instance administrator, or the "
                + "bearer token metrics.token)").basic().returns(String.class),
            r -> {
                authorize(r);
                return ApiReply.ok(new org.entraide.api.web.ApiResult.Text(PrometheusText.MEDIA_TYPE, metrics.scrape()));
            });
    }

    /** The configured token, compared in constant time, or else an instance administrator's Basic credentials. */
    private void authorize(ApiRequest request) {
        String token = settings.get().metricsToken();
        String header = request.authorizationHeader();
        if (!token.isEmpty() && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
            if (MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8))) {
                return;
            }
            throw org.entraide.api.problem.ProblemException.unauthorized("wrong metrics token");
        }
        admins.require(request);
    }

    /** The answer of the liveness probe. */
    public record Status(String status) {
    }
}
