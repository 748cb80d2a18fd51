package org.entraide.search.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.entraide.api.model.Brand;
import org.entraide.api.model.Role;
import org.entraide.api.model.Topic;
import org.entraide.api.platform.Brands;
import org.entraide.api.platform.Stores;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;
import org.entraide.api.web.Paging;

/**
 * {@code GET .../search}, {@code .../search/similar} and {@code .../search/misses}. The index holds only what everyone
 * may read, so searching needs no account; the misses are the brand admin's.
 */
final class SearchApi {
    static final Set<String> SEARCH_PARAMS = Set.of("q", "type", "topic", "tag", "store", "city", "status", "accepted",
        "from", "to", "sort", "page", "size");
    static final Set<String> SIMILAR_PARAMS = Set.of("title", "size");
    static final int MAX_QUERY = 200;
    /** Deep pages cost as much as all before them: 50 pages of results are enough to read. */
    static final int MAX_PAGE = 50;
    static final int MAX_SIZE = 50;

    private final Transactions tx;
    private final Brands brands;
    private final Stores stores;
    private final SearchIndex index;
    private final Misses misses;
    private final Clock clock;

    SearchApi(Transactions tx, Brands brands, Stores stores, SearchIndex index, Misses misses, Clock clock) {
        this.tx = tx;
        this.brands = brands;
        this.stores = stores;
        this.index = index;
        this.misses = misses;
        this.clock = clock;
    }

    ApiResult search(ApiCall call) {
        Brand brand = call.brand();
        String q = text(call, "q", MAX_QUERY);
        String type = oneOf(call, "type", List.of("question", "answer", "complaint", ArticleIndexer.TYPE));
        String sort = oneOf(call, "sort", List.of("relevance", "date", "score"));
        String status = oneOf(call, "status", List.of("open", "answered", "resolved", "unresolved"));
        String accepted = oneOf(call, "accepted", List.of("true", "false"));
        String tag = text(call, "tag", 30);
        String city = text(call, "city", 100);
        Instant from = date(call, "from", false);
        Instant to = date(call, "to", true);
        int page = call.intQuery("page", 1, 1, MAX_PAGE);
        int size = call.intQuery("size", 20, 1, MAX_SIZE);
        String topicSlug = text(call, "topic", 64);
        String storeCode = text(call, "store", 64);
        Long topicId = null;
        Long storeId = null;
        if (topicSlug != null || storeCode != null) {
            Long[] ids = tx.inTransaction(c -> new Long[] {
                topicSlug == null ? null : brands.topicBySlug(c, brand.id(), topicSlug).map(Topic::id)
                    .orElseThrow(() -> ProblemException.invalid("topic", "no such topic")),
                storeCode == null ? null : stores.byCode(c, brand.id(), storeCode).map(s -> s.id())
                    .orElseThrow(() -> ProblemException.invalid("store", "no such store"))});
            topicId = ids[0];
            storeId = ids[1];
        }
        SearchIndex.Filters filters = new SearchIndex.Filters(brand.id(), type, topicId, tag == null ? null : tag.toLowerCase(Locale.ROOT),
            storeId, city, status, accepted == null ? null : Boolean.valueOf(accepted), from, to);
        SearchIndex.Order order = sort == null ? (q == null ? SearchIndex.Order.DATE : SearchIndex.Order.RELEVANCE)
            : SearchIndex.Order.valueOf(sort.toUpperCase(Locale.ROOT));
        SearchIndex.Result r = index.search(q, UserQuery.Mode.SEARCH, filters, order, (page - 1) * size, size, true, q != null);
        if (r.total() == 0 && q != null && page == 1) {
            misses.count(brand.id(), q, clock.instant());
        }
        Map<Long, String> topics = topicSlugs(brand.id(), r);
        Map<Long, String> storeCodes = storeCodes(brand.id(), r);
        List<Map<String, Object>> items = new ArrayList<>();
        for (SearchIndex.Hit h : r.hits()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", ArticleIndexer.TYPE.equals(h.type()) ? ArticleIndexer.articleId(h) : h.id());
            item.put("type", h.type());
            if (h.parentId() != null) {
                item.put("questionId", h.parentId());
            }
            item.put("title", h.title());
            item.put("titleHtml", h.titleHtml());
            item.put("excerptHtml", h.excerptHtml());
            if (h.topicId() != null && topics.containsKey(h.topicId())) {
                item.put("topic", topics.get(h.topicId()));
            }
            item.put("tags", h.tags());
            if (h.storeId() != null && storeCodes.containsKey(h.storeId())) {
                item.put("store", storeCodes.get(h.storeId()));
            }
            if (h.status() != null) {
                item.put("status", h.status());
            }
            item.put("accepted", h.accepted());
            item.put("official", h.official());
            item.put("score", h.score());
            item.put("createdAt", h.createdAt().toString());
            items.add(item);
        }
        Map<String, Object> out = new Paging(page, size).answer(items, r.total());
        Map<String, Object> facets = new LinkedHashMap<>();
        facets.put("type", r.facets().getOrDefault(SearchDocuments.TYPE, Map.of()));
        Map<String, Integer> byTopic = new LinkedHashMap<>();
        r.facets().getOrDefault(SearchDocuments.TOPIC, Map.of()).forEach((id, n) -> {
            String slug = topics.get(Long.parseLong(id));
            if (slug != null) {
                byTopic.put(slug, n);
            }
        });
        facets.put("topic", byTopic);
        facets.put("tag", r.facets().getOrDefault(SearchDocuments.TAG, Map.of()));
        out.put("facets", facets);
        return ApiResult.ok(out);
    }

    /** The questions most like a title being typed, with whether each has an accepted answer. */
    ApiResult similar(ApiCall call) {
        Brand brand = call.brand();
        String title = text(call, "title", MAX_QUERY);
        int size = call.intQuery("size", 5, 1, 10);
        if (title == null) {
            throw ProblemException.invalid("title", "is required");
        }
        return ApiResult.ok(Map.of("items", similarItems(brand.id(), title, size), "articles", similarArticles(brand.id(), title)));
    }

    /** The brand's articles most like {@code title} (none without the knowledge capability's articles indexed). */
    List<Map<String, Object>> similarArticles(long brandId, String title) {
        return ArticleHits.similar(index, brandId, title);
    }

    /** The posts most like {@code title}, best first; each with its {@code type}, so that askers' proposals are any kind. */
    List<Map<String, Object>> similarItems(long brandId, String title, int size) {
        SearchIndex.Result r = index.search(title, UserQuery.Mode.LOOSE, SearchIndex.Filters.brand(brandId).withType("question"),
            SearchIndex.Order.RELEVANCE, 0, size, false, false);
        List<Map<String, Object>> items = new ArrayList<>();
        for (SearchIndex.Hit h : r.hits()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", h.id());
            item.put("type", h.type());
            item.put("title", h.title());
            item.put("accepted", h.accepted());
            item.put("score", h.score());
            item.put("createdAt", h.createdAt().toString());
            items.add(item);
        }
        return items;
    }

    /** The most frequent searches that found nothing: brand admins only. */
    ApiResult misses(ApiCall call) {
        Caller me = call.caller();
        if (!me.has(Role.BRAND_ADMIN)) {
            throw ProblemException.forbidden("brand admins only");
        }
        Paging paging = Paging.of(call);
        long brandId = call.brand().id();
        return ApiResult.ok(tx.inTransaction(c -> paging.answer(misses.top(c, brandId, paging.size(), paging.offset()),
            misses.distinct(c, brandId))));
    }

    private Map<Long, String> topicSlugs(long brandId, SearchIndex.Result r) {
        Set<Long> ids = new java.util.HashSet<>();
        r.hits().forEach(h -> {
            if (h.topicId() != null) {
                ids.add(h.topicId());
            }
        });
        r.facets().getOrDefault(SearchDocuments.TOPIC, Map.of()).keySet().forEach(id -> ids.add(Long.parseLong(id)));
        if (ids.isEmpty()) {
            return Map.of();
        }
        return tx.inTransaction(c -> {
            Map<Long, String> out = new java.util.HashMap<>();
            for (long id : ids) {
                brands.topicById(c, brandId, id).ifPresent(t -> out.put(id, t.slug()));
            }
            return out;
        });
    }

    private Map<Long, String> storeCodes(long brandId, SearchIndex.Result r) {
        Set<Long> ids = new java.util.HashSet<>();
        r.hits().forEach(h -> {
            if (h.storeId() != null) {
                ids.add(h.storeId());
            }
        });
        if (ids.isEmpty()) {
            return Map.of();
        }
        return tx.inTransaction(c -> {
            Map<Long, String> out = new java.util.HashMap<>();
            for (long id : ids) {
                stores.byId(c, brandId, id).ifPresent(s -> out.put(id, s.code()));
            }
            return out;
        });
    }

    private static String text(ApiCall call, String name, int max) {
        String v = call.query(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        v = org.entraide.api.text.Texts.clean(v, true);
        if (v.length() > max) {
            throw ProblemException.invalid(name, "at most " + max + " characters");
        }
        return v.isEmpty() ? null : v;
    }

    private static String oneOf(ApiCall call, String name, List<String> allowed) {
        String v = text(call, name, 20);
        if (v == null) {
            return null;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (!allowed.contains(lower)) {
            throw ProblemException.invalid(name, "must be one of " + String.join(", ", allowed));
        }
        return lower;
    }

    /** A day (2026-03-01: from its start, or to its end) or an instant. */
    private static Instant date(ApiCall call, String name, boolean endOfDay) {
        String v = text(call, name, 40);
        if (v == null) {
            return null;
        }
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return (endOfDay ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(endOfDay ? 1 : 0);
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be a date (2026-03-01) or an instant (2026-03-01T10:00:00Z)");
        }
    }

}
