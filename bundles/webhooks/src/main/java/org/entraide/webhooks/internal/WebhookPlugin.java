package org.entraide.webhooks.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.entraide.api.event.DomainEvent;
import org.entraide.api.plugin.EventSubscriber;
import org.entraide.api.privacy.PersonalData;
import org.entraide.api.plugin.StartFrom;
import org.entraide.api.plugin.SubscriberDescriptor;
import org.entraide.api.storage.SchemaMigrator;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiEndpoints;
import org.entraide.api.web.Paging;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The webhook plugin: an event subscriber that queues one delivery per event and endpoint (exactly once, in the
 * dispatcher's transaction), a sender route, and the brand admins' REST endpoints. A configuration change
 * re-creates the component, and with it its routes.
 */
@Component(name = "org.entraide.webhooks", service = {EventSubscriber.class, RoutesBuilder.class, PersonalData.class})
@Designate(ocd = WebhooksConfig.class)
public class WebhookPlugin extends RouteBuilder implements EventSubscriber, PersonalData {
    static final String EVENTS = "direct:webhooks.enqueue";
    private static final String BASE = "/brands/{brand}/webhooks";

    private final Transactions tx;
    private final ApiEndpoints endpoints;
    private final WebhookSettings settings;
    private final WebhookStore store = new WebhookStore();
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;
    private volatile WebhookSender sender;

    @Activate
    public WebhookPlugin(@Reference Transactions tx, @Reference SchemaMigrator migrator, @Reference ApiEndpoints endpoints,
                         WebhooksConfig config) {
        this(tx, migrator, endpoints, WebhookSettings.of(config), Clock.systemUTC());
    }

    public WebhookPlugin(Transactions tx, SchemaMigrator migrator, ApiEndpoints endpoints, WebhookSettings settings, Clock clock) {
        this.tx = tx;
        this.endpoints = endpoints;
        this.settings = settings;
        this.clock = clock;
        migrator.migrate("webhooks", WebhookPlugin.class.getClassLoader(), "db/webhooks");
    }

    @Override
    public SubscriberDescriptor descriptor() {
        // Events before the brand registered an endpoint have nowhere to go: start from now.
        return new SubscriberDescriptor("webhooks", WebhookCapability.NAME, EVENTS, StartFrom.NOW, Set.of(), 5);
    }

    @Override
    public void configure() {
        // Failures reach the dispatcher, which retries them; Camel need not log them too.
        errorHandler(noErrorHandler());
        from(EVENTS).routeId("webhooks.enqueue").process(e -> enqueue(e.getIn().getBody(DomainEvent.class)));

        sender = new WebhookSender(tx, store, settings, clock);
        from("timer:webhooks.send?delay=1000&period=" + settings.poll().toMillis()).routeId("webhooks.send")
            .process(e -> sender.dispatchDue());

        WebhookApi api = new WebhookApi(tx, store, new UrlPolicy(settings.allowHttp(), settings.addressCheck()), clock);
        String cap = WebhookCapability.NAME;
        rest(ApiEndpoints.BASE).get(BASE).to("direct:webhooks.list")
            .post(BASE).type(WebhookApi.NewWebhook.class).to("direct:webhooks.create")
            .delete(BASE + "/{id}").to("direct:webhooks.delete")
            .get(BASE + "/{id}/deliveries").to("direct:webhooks.deliveries");
        from("direct:webhooks.list").routeId("webhooks.list").process(endpoints.processor(cap, api::list, Paging.PARAMS, "brand"));
        from("direct:webhooks.create").routeId("webhooks.create").process(endpoints.processor(cap, api::create, Set.of(), "brand"));
        from("direct:webhooks.delete").routeId("webhooks.delete").process(endpoints.processor(cap, api::delete, Set.of(), "brand", "id"));
        from("direct:webhooks.deliveries").routeId("webhooks.deliveries")
            .process(endpoints.processor(cap, api::deliveries, Set.of("page", "size"), "brand", "id"));
    }

    /** Stops the sender's HTTP client; its routes are removed by the core. */
    @Deactivate
    public void close() {
        WebhookSender s = sender;
        if (s != null) {
            s.close();
        }
    }

    private void enqueue(DomainEvent event) {
        tx.inTransaction(c -> {
            for (WebhookStore.Endpoint e : store.activeEndpoints(c, event.brandId())) {
                if (e.wants(event.type())) {
                    store.enqueue(c, e.id(), event.id(), event.type(), body(event), clock.instant());
                }
            }
            return null;
        });
    }

    private String body(DomainEvent e) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", e.id());
        body.put("type", e.type());
        body.put("brandId", e.brandId());
        body.put("occurredAt", e.occurredAt().toString());
        body.put("subjectType", e.subjectType());
        body.put("subjectId", e.subjectId());
        body.put("payload", ComplainantPrivacy.forReceivers(e.type(), json.readTree(e.payload())));
        return json.writeValueAsString(body);
    }

    /** The key of webhooks' part of a member's export: the plugin keeps nothing of a member's own. */
    @Override
    public String name() {
        return "webhooks";
    }

    @Override
    public Map<String, Object> export(long brandId, long userId) {
        return Map.of();
    }

    /**
     * The deliveries of events about the member's account (their registration named them) go, sent or not: the
     * {@code user.erased} event that follows tells receivers to forget the member too.
     */
    @Override
    public void erase(long brandId, long userId) {
        tx.inTransaction(c -> org.entraide.jdbc.Sql.update(c, "DELETE FROM webhook_delivery WHERE endpoint_id IN (SELECT id "
            + "FROM webhook_endpoint WHERE brand_id = ?) AND body LIKE ?", brandId,
            "%\"subjectType\":\"user\",\"subjectId\":" + userId + ",%"));
    }
}
