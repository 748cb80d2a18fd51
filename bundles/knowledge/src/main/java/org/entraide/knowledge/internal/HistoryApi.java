package org.entraide.knowledge.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.entraide.api.platform.MemberFacts;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;

/**
 * {@code GET .../articles/{id}/versions} and {@code .../versions/{version}}: every edit as it was written, with who
 * wrote it and when, for the brand's writers (drafts and replaced texts are not the brand's word to readers).
 */
final class HistoryApi {
    private final Platform platform;
    private final ArticleStore articles;
    private final ArticleApi api;

    HistoryApi(Platform platform, ArticleStore articles, ArticleApi api) {
        this.platform = platform;
        this.articles = articles;
        this.api = api;
    }

    ApiResult versions(ApiCall call) {
        Caller caller = call.caller();
        Writing.requireWriter(caller);
        long brandId = call.brand().id();
        long id = call.pathId("id");
        return ApiResult.ok(platform.tx().inTransaction(c -> {
            api.readable(c, brandId, id, true);
            List<ArticleStore.Version> versions = articles.versions(c, id);
            Set<Long> editors = new HashSet<>();
            versions.forEach(v -> editors.add(v.editorId()));
            Map<Long, MemberFacts> names = platform.members().members(c, brandId, editors);
            List<Map<String, Object>> items = new ArrayList<>();
            for (ArticleStore.Version v : versions) {
                items.add(view(v, names.get(v.editorId()), false));
            }
            return ArticleApi.items(items);
        }));
    }

    ApiResult version(ApiCall call) {
        Caller caller = call.caller();
        Writing.requireWriter(caller);
        long brandId = call.brand().id();
        long id = call.pathId("id");
        long number = call.pathId("version");
        return ApiResult.ok(platform.tx().inTransaction(c -> {
            api.readable(c, brandId, id, true);
            ArticleStore.Version v = number > Integer.MAX_VALUE ? null : articles.version(c, id, (int) number).orElse(null);
            if (v == null) {
                throw ProblemException.notFound("no such version");
            }
            return view(v, platform.members().member(c, brandId, v.editorId()).orElse(null), true);
        }));
    }

    private static Map<String, Object> view(ArticleStore.Version v, MemberFacts editor, boolean withText) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", v.version());
        out.put("title", v.title());
        if (withText) {
            out.put("body", v.body());
            out.put("bodyHtml", v.bodyHtml());
            out.put("tags", v.tags());
            out.put("language", v.language());
        }
        out.put("status", v.status().name().toLowerCase(java.util.Locale.ROOT));
        out.put("verified", v.verified());
        if (editor != null) {
            out.put("editor", Map.of("id", editor.id(), "pseudonym", editor.pseudonym()));
        }
        out.put("editedAt", v.editedAt().toString());
        return out;
    }
}
