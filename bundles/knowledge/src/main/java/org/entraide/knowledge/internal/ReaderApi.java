package org.entraide.knowledge.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;

/**
 * What readers do with a published article: say whether it helped ({@code PUT .../helpful}, once each, changeable,
 * why when not) and, having opened it from the similar-questions step, count as an asker it stopped
 * ({@code POST .../deflections}). {@code GET .../helpful} gives the counts to all and the reasons to writers.
 */
final class ReaderApi {
    static final int REASONS = 50;

    private final Platform platform;
    private final ArticleApi api;
    private final HelpfulVotes votes;
    private final Deflections deflections;
    private final Writing writing;

    ReaderApi(Platform platform, ArticleApi api, HelpfulVotes votes, Deflections deflections, Writing writing) {
        this.platform = platform;
        this.api = api;
        this.votes = votes;
        this.deflections = deflections;
        this.writing = writing;
    }

    ApiResult vote(ApiCall call) {
        Caller reader = call.caller();
        long id = call.pathId("id");
        Bodies.HelpfulVote b = call.body(Bodies.HelpfulVote.class);
        if (!b.helpful() && (b.reason() == null || b.reason().isBlank())) {
            throw ProblemException.invalid("reason", "say why it did not help");
        }
        return ApiResult.ok(platform.tx().inTransaction(c -> {
            Article a = api.readable(c, call.brand().id(), id, false);
            votes.vote(c, a.id(), reader.userId(), b.helpful(), b.reason(), writing.now());
            return tally(c, a.id(), reader.userId(), false);
        }));
    }

    ApiResult helpful(ApiCall call) {
        Caller reader = call.optionalCaller().orElse(null);
        boolean writer = reader != null && Writing.writes(reader);
        long id = call.pathId("id");
        return ApiResult.ok(platform.tx().inTransaction(c -> {
            Article a = api.readable(c, call.brand().id(), id, writer);
            return tally(c, a.id(), reader == null ? null : reader.userId(), writer);
        }));
    }

    private Map<String, Object> tally(java.sql.Connection c, long articleId, Long readerId, boolean withReasons) {
        HelpfulVotes.Tally t = votes.tally(c, articleId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("helpful", t.helpful());
        out.put("notHelpful", t.notHelpful());
        if (readerId != null) {
            Boolean mine = votes.mine(c, articleId, readerId);
            if (mine != null) {
                out.put("mine", mine);
            }
        }
        if (withReasons) {
            // the reasons, never who gave them: a reader's word is not a reason to single them out
            List<Map<String, Object>> reasons = new ArrayList<>();
            for (HelpfulVotes.Reason r : votes.reasons(c, articleId, REASONS)) {
                reasons.add(Map.of("reason", r.reason(), "at", r.at().toString()));
            }
            out.put("reasons", reasons);
        }
        return out;
    }

    ApiResult deflect(ApiCall call) {
        Caller asker = call.caller();
        long id = call.pathId("id");
        long brandId = call.brand().id();
        boolean counted = platform.tx().inTransaction(c -> {
            Article a = api.readable(c, brandId, id, false);
            return deflections.count(c, brandId, a.id(), asker.userId(), writing.today());
        });
        return ApiResult.ok(Map.of("counted", counted));
    }
}
