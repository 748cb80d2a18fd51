package org.entraide.notifications.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.entraide.api.model.Brand;
import org.entraide.api.plugin.BrandFeatures;
import org.entraide.api.problem.FieldError;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.storage.Transactions;

/**
 * The one-click unsubscribe POST of RFC 8058. Mail clients send it form-encoded ({@code List-Unsubscribe=One-Click}),
 * which the platform's endpoints refuse (415) because Jetty turns form fields into message headers. This processor
 * therefore reads nothing a form could set: the brand from the request's URI and the token from its raw query
 * string (Camel's own {@code Camel*} headers, which inbound fields cannot overwrite), and ignores the body.
 */
final class OneClickUnsubscribe implements Processor {
    private static final Pattern PATH = Pattern.compile("^/api/v1/brands/([a-z0-9-]{1,40})/notifications/unsubscribe/?$");
    private static final String PROBLEMS = "https://entraide.org/problems/";

    private final Transactions tx;
    private final Platform platform;
    private final BrandFeatures features;
    private final NotificationStore store;
    private final java.util.function.Supplier<UnsubscribeTokens> tokens;
    private final ObjectMapper json = new ObjectMapper();

    OneClickUnsubscribe(Transactions tx, Platform platform, BrandFeatures features, NotificationStore store,
                        java.util.function.Supplier<UnsubscribeTokens> tokens) {
        this.tx = tx;
        this.platform = platform;
        this.features = features;
        this.store = store;
        this.tokens = tokens;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getIn();
        try {
            Map<String, String> done = tx.inTransaction(c -> {
                Brand brand = brand(in.getHeader(Exchange.HTTP_URI, String.class));
                if (!features.isEnabled(brand.id(), NotificationCapability.NAME)) {
                    throw ProblemException.notFound("no such page");
                }
                UnsubscribeTokens.Claim claim = tokens.get().verify(token(in.getHeader(Exchange.HTTP_QUERY, String.class)));
                if (claim == null || claim.brandId() != brand.id()) {
                    throw ProblemException.invalid("token", "not a valid unsubscribe link of this brand");
                }
                store.setChannel(c, claim.brandId(), claim.memberId(), Kind.of(claim.kind()), Channel.APP);
                return Map.of("kind", claim.kind(), "channel", Channel.APP.key());
            });
            reply(exchange, 200, "application/json", done);
        } catch (ProblemException e) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", PROBLEMS + e.type());
            problem.put("title", e.title());
            problem.put("status", e.status());
            problem.put("detail", e.detail());
            List<FieldError> errors = e.errors();
            if (!errors.isEmpty()) {
                problem.put("errors", errors);
            }
            reply(exchange, e.status(), "application/problem+json", problem);
        }
    }

    private Brand brand(String uri) {
        String path = uri == null ? "" : uri.replaceFirst("^[a-z]+://[^/]+", "");
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            throw ProblemException.notFound("no such page");
        }
        return tx.inTransaction(c -> platform.brands().bySlug(c, m.group(1)))
            .orElseThrow(() -> ProblemException.notFound("no brand " + m.group(1)));
    }

    private static String token(String query) {
        if (query == null) {
            return null;
        }
        String found = null;
        for (String kv : query.split("&")) {
            if (kv.startsWith("token=")) {
                if (found != null) {
                    return null;    // two tokens: ambiguous, refused
                }
                found = URLDecoder.decode(kv.substring(6), StandardCharsets.UTF_8);
            }
        }
        return found;
    }

    private void reply(Exchange exchange, int status, String type, Object body) throws Exception {
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, type);
        out.setHeader("Cache-Control", "no-store");
        out.setHeader("X-Content-Type-Options", "nosniff");
        out.setBody(json.writeValueAsBytes(body));
    }
}
