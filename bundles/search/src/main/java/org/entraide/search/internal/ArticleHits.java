package org.entraide.search.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The brand's articles most like a question being typed, proposed before similar questions: an asker who finds the
 * brand's verified answer need not ask (the knowledge plugin counts those who stop there).
 */
final class ArticleHits {
    static final int SIMILAR = 3;

    private ArticleHits() {
    }

    static List<Map<String, Object>> similar(SearchIndex index, long brandId, String title) {
        SearchIndex.Result r = index.search(title, UserQuery.Mode.LOOSE,
            SearchIndex.Filters.brand(brandId).withType(ArticleIndexer.TYPE), SearchIndex.Order.RELEVANCE, 0, SIMILAR, false,
            false);
        List<Map<String, Object>> items = new ArrayList<>();
        for (SearchIndex.Hit h : r.hits()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", ArticleIndexer.articleId(h));
            item.put("title", h.title());
            item.put("score", h.score());
            items.add(item);
        }
        return items;
    }
}
