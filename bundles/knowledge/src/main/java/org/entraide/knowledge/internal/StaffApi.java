package org.entraide.knowledge.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.entraide.api.model.Role;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;
import org.entraide.api.web.Paging;

/**
 * The brand's side: promoting a post ({@code POST .../posts/{id}/promote}), the articles past review
 * ({@code GET .../knowledge/reviews}: the caller's own, or everyone's for a brand admin with {@code owner=all}), the
 * brand's settings and the deflection figures (brand admins).
 */
final class StaffApi {
    static final Set<String> REVIEW_PARAMS = Paging.with("owner");
    static final Set<String> DEFLECTION_PARAMS = Set.of("from", "to");

    private final Platform platform;
    private final ArticleStore articles;
    private final ArticleViews views;
    private final Promotions promotions;
    private final BrandSettings settings;
    private final Deflections deflections;
    private final Writing writing;

    StaffApi(Platform platform, ArticleStore articles, ArticleViews views, Promotions promotions, BrandSettings settings,
             Deflections deflections, Writing writing) {
        this.platform = platform;
        this.articles = articles;
        this.views = views;
        this.promotions = promotions;
        this.settings = settings;
        this.deflections = deflections;
        this.writing = writing;
    }

    ApiResult promote(ApiCall call) {
        Caller caller = call.caller();
        Writing.requireWriter(caller);
        long postId = call.pathId("id");
        Bodies.Promotion b = call.body(Bodies.Promotion.class);
        long brandId = call.brand().id();
        return platform.tx().inTransaction(c -> {
            long id = promotions.promote(c, brandId, caller, postId, new Writing.Draft(b.title(), null, b.topic(), b.tags(),
                b.language(), null, null, Boolean.TRUE.equals(b.publish()), Boolean.TRUE.equals(b.verified()), b.reviewOn(),
                null));
            return ApiResult.created("/api/v1/brands/" + call.brand().slug() + "/articles/" + id,
                views.full(c, articles.find(c, brandId, id).orElseThrow(), true, caller.userId()));
        });
    }

    ApiResult reviews(ApiCall call) {
        Caller caller = call.caller();
        Writing.requireWriter(caller);
        String owner = call.query("owner");
        if (owner != null && !owner.equals("me") && !owner.equals("all")) {
            throw ProblemException.invalid("owner", "must be me or all");
        }
        if ("all".equals(owner) && !caller.has(Role.BRAND_ADMIN)) {
            throw ProblemException.forbidden("brand admins see every owner's reviews");
        }
        Long ownerId = "all".equals(owner) ? null : caller.userId();
        Paging paging = Paging.of(call);
        long brandId = call.brand().id();
        LocalDate today = writing.today();
        return ApiResult.ok(platform.tx().inTransaction(c -> paging.answer(
            views.page(c, brandId, articles.dueForReview(c, brandId, ownerId, today, paging.size(), paging.offset()), true),
            articles.countDueForReview(c, brandId, ownerId, today))));
    }

    ApiResult settings(ApiCall call) {
        requireAdmin(call.caller());
        return ApiResult.ok(platform.tx().inTransaction(c -> view(settings.of(c, call.brand().id()))));
    }

    ApiResult saveSettings(ApiCall call) {
        requireAdmin(call.caller());
        Bodies.KnowledgeSettings b = call.body(Bodies.KnowledgeSettings.class);
        BrandSettings.Values v = new BrandSettings.Values(b.promotionPoints(), b.reviewDays());
        platform.tx().inTransaction(c -> {
            settings.save(c, call.brand().id(), v);
            return null;
        });
        return ApiResult.ok(view(v));
    }

    ApiResult deflections(ApiCall call) {
        requireAdmin(call.caller());
        LocalDate to = call.query("to") == null ? writing.today() : Writing.day(call.query("to"), "to");
        LocalDate from = call.query("from") == null ? to.minusDays(29) : Writing.day(call.query("from"), "from");
        if (from.isAfter(to) || from.plusDays(366).isBefore(to)) {
            throw ProblemException.invalid("from", "must be before to, at most a year before");
        }
        long brandId = call.brand().id();
        return ApiResult.ok(platform.tx().inTransaction(c -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("from", from.toString());
            out.put("to", to.toString());
            out.putAll(deflections.total(c, brandId, from, to));
            List<Map<String, Object>> per = new ArrayList<>();
            for (Deflections.PerArticle p : deflections.perArticle(c, brandId, from, to, 20)) {
                articles.find(c, brandId, p.articleId()).ifPresent(a ->
                    per.add(Map.of("id", a.id(), "title", a.title(), "askers", p.askers())));
            }
            out.put("articles", per);
            return out;
        }));
    }

    private static Map<String, Object> view(BrandSettings.Values v) {
        return Map.of("promotionPoints", v.promotionPoints(), "reviewDays", v.reviewDays());
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.has(Role.BRAND_ADMIN)) {
            throw ProblemException.forbidden("brand admins only");
        }
    }
}
