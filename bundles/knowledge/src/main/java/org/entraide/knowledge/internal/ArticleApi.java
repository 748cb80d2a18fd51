package org.entraide.knowledge.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.entraide.api.model.Brand;
import org.entraide.api.model.Store;
import org.entraide.api.model.Topic;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;
import org.entraide.api.web.Paging;

/**
 * {@code GET|POST .../articles} and {@code GET|PUT|DELETE .../articles/{id}}. Everyone reads published articles;
 * brand admins and moderators also read drafts and write; only brand admins verify and delete.
 */
final class ArticleApi {
    static final Set<String> LIST_PARAMS = Paging.with("topic", "tag", "language", "store", "status", "thread");

    private final Platform platform;
    private final ArticleStore articles;
    private final ArticleViews views;
    private final Writing writing;

    ArticleApi(Platform platform, ArticleStore articles, ArticleViews views, Writing writing) {
        this.platform = platform;
        this.articles = articles;
        this.views = views;
        this.writing = writing;
    }

    ApiResult list(ApiCall call) {
        Brand brand = call.brand();
        boolean writer = call.optionalCaller().map(Writing::writes).orElse(false);
        Paging paging = Paging.of(call);
        Article.Status status = status(call.query("status"), writer);
        String language = call.query("language");
        if (language != null && !language.equals("fr") && !language.equals("en")) {
            throw ProblemException.invalid("language", "must be fr or en");
        }
        String tag = call.query("tag") == null ? null : call.query("tag").trim().toLowerCase(Locale.ROOT);
        if (tag != null && tag.contains(",")) {
            throw ProblemException.invalid("tag", "must not contain a comma");
        }
        Long thread = call.query("thread") == null ? null : positive(call.query("thread"), "thread");
        return ApiResult.ok(platform.tx().inTransaction(c -> {
            Long topicId = call.query("topic") == null ? null : platform.brands().topicBySlug(c, brand.id(), call.query("topic"))
                .map(Topic::id).orElseThrow(() -> ProblemException.invalid("topic", "no such topic"));
            Long storeId = call.query("store") == null ? null : platform.stores().byCode(c, brand.id(), call.query("store"))
                .map(Store::id).orElseThrow(() -> ProblemException.invalid("store", "no such store"));
            ArticleStore.Filter f = new ArticleStore.Filter(brand.id(), status, topicId, tag, language, storeId, thread);
            List<Article> page = articles.list(c, f, paging.size(), paging.offset());
            return paging.answer(views.page(c, brand.id(), page, writer), articles.count(c, f));
        }));
    }

    /** Readers see published articles only; writers choose (all when absent). */
    private static Article.Status status(String raw, boolean writer) {
        if (raw == null) {
            return writer ? null : Article.Status.PUBLISHED;
        }
        Article.Status s = switch (raw) {
            case "published" -> Article.Status.PUBLISHED;
            case "draft" -> Article.Status.DRAFT;
            default -> throw ProblemException.invalid("status", "must be published or draft");
        };
        if (s == Article.Status.DRAFT && !writer) {
            throw ProblemException.forbidden("drafts are for brand admins and moderators");
        }
        return s;
    }

    ApiResult get(ApiCall call) {
        long id = call.pathId("id");
        Caller reader = call.optionalCaller().orElse(null);
        boolean writer = reader != null && Writing.writes(reader);
        return ApiResult.ok(platform.tx().inTransaction(c -> views.full(c, readable(c, call.brand().id(), id, writer),
            writer, reader == null ? null : reader.userId())));
    }

    ApiResult create(ApiCall call) {
        Caller caller = call.caller();
        Writing.requireWriter(caller);
        Bodies.ArticleBody b = call.body(Bodies.ArticleBody.class);
        long brandId = call.brand().id();
        return platform.tx().inTransaction(c -> {
            long id = writing.create(c, brandId, caller, draft(b),
                new ArticleStore.Origin(caller.userId(), null, null, null));
            Article a = articles.find(c, brandId, id).orElseThrow();
            return ApiResult.created("/api/v1/brands/" + call.brand().slug() + "/articles/" + id,
                views.full(c, a, true, caller.userId()));
        });
    }

    ApiResult update(ApiCall call) {
        Caller caller = call.caller();
        long id = call.pathId("id");
        long brandId = call.brand().id();
        Writing.requireWriter(caller);
        Bodies.ArticleBody b = call.body(Bodies.ArticleBody.class);
        return ApiResult.ok(platform.tx().inTransaction(c -> {
            Article a = articles.find(c, brandId, id).filter(x -> !x.deleted())
                .orElseThrow(() -> ProblemException.notFound("no such article"));
            writing.update(c, a, caller, draft(b));
            return views.full(c, articles.find(c, brandId, id).orElseThrow(), true, caller.userId());
        }));
    }

    ApiResult delete(ApiCall call) {
        Caller caller = call.caller();
        long id = call.pathId("id");
        long brandId = call.brand().id();
        Writing.requireWriter(caller);
        platform.tx().inTransaction(c -> {
            Article a = articles.find(c, brandId, id).filter(x -> !x.deleted())
                .orElseThrow(() -> ProblemException.notFound("no such article"));
            if (!caller.has(org.entraide.api.model.Role.BRAND_ADMIN)) {
                throw ProblemException.forbidden("only brand admins delete articles");
            }
            writing.delete(c, a, caller);
            return null;
        });
        return ApiResult.noContent();
    }

    /** A draft is a 404 to readers, as a deleted or unknown article is to everyone. */
    Article readable(java.sql.Connection c, long brandId, long id, boolean writer) {
        return articles.find(c, brandId, id).filter(a -> !a.deleted() && (writer || a.isPublished()))
            .orElseThrow(() -> ProblemException.notFound("no such article"));
    }

    static Writing.Draft draft(Bodies.ArticleBody b) {
        return new Writing.Draft(b.title(), b.body(), b.topic(), b.tags(), b.language(), b.stores(), b.regions(),
            Boolean.TRUE.equals(b.publish()), Boolean.TRUE.equals(b.verified()), b.reviewOn(), b.ownerId());
    }

    static long positive(String raw, String name) {
        try {
            long v = Long.parseLong(raw.trim());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid(name, "must be a positive id");
    }

    static Map<String, Object> items(List<?> items) {
        return Map.of("items", items);
    }
}
