package org.entraide.localmanagers.internal;

import java.util.List;

import org.entraide.api.metrics.Gauge;
import org.entraide.api.metrics.MetricSource;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The late complaints per brand in the platform's metrics, while the plugin runs. */
@Component(service = MetricSource.class)
public class LocalManagersMetrics implements MetricSource {
    @Reference
    private LocalManagersComponent main;

    @Override
    public List<Gauge> gauges() {
        return main.plugin().late.gauges();
    }
}
