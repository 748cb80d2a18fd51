package org.entraide.notifications.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entraide.api.model.Brand;
import org.entraide.api.model.Role;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;

/**
 * Brand admins' e-mail templates: {@code GET /brands/{brand}/notifications/templates} (every kind and language, the
 * brand's or the shipped one), {@code PUT} / {@code DELETE .../templates/{kind}/{lang}} and {@code POST
 * .../templates/{kind}/{lang}/preview}, which renders a template with example values without saving it.
 */
final class TemplateApi {
    private final Transactions tx;
    private final BrandTemplates templates = new BrandTemplates();
    private final NotificationSettings settings;
    private final Clock clock;

    TemplateApi(Transactions tx, NotificationSettings settings, Clock clock) {
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
    }

    ApiResult list(ApiCall call) {
        Brand brand = admin(call);
        return ApiResult.ok(tx.inTransaction(c -> {
            List<Map<String, Object>> items = new ArrayList<>();
            for (Kind kind : Kind.ALL) {
                for (String lang : List.of("fr", "en")) {
                    var own = templates.override(c, brand.id(), kind.key(), lang);
                    items.add(item(kind.key(), lang, own.orElse(BrandTemplates.shipped(lang)), own.isPresent()));
                }
            }
            return Map.of("items", items, "values", new java.util.TreeSet<>(BrandTemplates.VALUES));
        }));
    }

    ApiResult save(ApiCall call) {
        Brand brand = admin(call);
        String kind = kind(call);
        String lang = lang(call);
        BrandTemplates.Template t = BrandTemplates.checked(call.body(BrandTemplates.Template.class));
        tx.inTransaction(c -> {
            templates.save(c, brand.id(), kind, lang, t, clock.instant());
            return null;
        });
        return ApiResult.ok(item(kind, lang, t, true));
    }

    ApiResult delete(ApiCall call) {
        Brand brand = admin(call);
        String kind = kind(call);
        String lang = lang(call);
        tx.inTransaction(c -> templates.delete(c, brand.id(), kind, lang));
        return ApiResult.noContent();
    }

    /** The e-mail a template gives, with example values; nothing is saved. */
    ApiResult preview(ApiCall call) {
        Brand brand = admin(call);
        String kind = kind(call);
        String lang = lang(call);
        BrandTemplates.Template t = BrandTemplates.checked(call.body(BrandTemplates.Template.class));
        Map<String, Object> params = new LinkedHashMap<>(Map.of("title", "fr".equals(lang)
            ? "Quelle perceuse pour un mur en béton ?" : "Which drill for a concrete wall?", "store", "Lyon Part-Dieu",
            "reason", "fr".equals(lang) ? "lien suspect" : "suspicious link", "badge", "Bricoleur", "percent", 50,
            "dueAt", "2026-03-04T17:00:00Z", "zone", "Europe/Paris"));
        params.put("author", "Bricoleuse-69");
        Map<String, String> values = new java.util.HashMap<>(Texts.values(params, lang));
        values.put("text", Texts.line(kind, params, lang));
        values.put("link", settings.baseUrl() + "/b/" + brand.slug() + "/questions/1");
        return ApiResult.ok(item(kind, lang, BrandTemplates.render(t, values), false));
    }

    private static Map<String, Object> item(String kind, String lang, BrandTemplates.Template t, boolean overridden) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", kind);
        out.put("language", lang);
        out.put("overridden", overridden);
        out.put("subject", t.subject());
        out.put("text", t.text());
        out.put("html", t.html());
        return out;
    }

    private static String kind(ApiCall call) {
        Kind kind = Kind.of(call.path("kind"));
        if (kind == null) {
            throw ProblemException.notFound("no notification kind " + call.path("kind"));
        }
        return kind.key();
    }

    private static String lang(ApiCall call) {
        String lang = call.path("lang");
        if (!Texts.LANGUAGES.contains(lang)) {
            throw ProblemException.notFound("no language " + lang + " (fr or en)");
        }
        return lang;
    }

    private static Brand admin(ApiCall call) {
        Caller me = call.caller();
        Brand brand = call.brand();
        if (me.brandId() != brand.id() || !me.has(Role.BRAND_ADMIN)) {
            throw ProblemException.forbidden("brand admins of " + brand.slug() + " only");
        }
        return brand;
    }
}
