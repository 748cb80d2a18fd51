package org.entraide.reputation.internal.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;
import org.entraide.reputation.internal.board.Boards;
import org.entraide.reputation.internal.board.Period;
import org.entraide.reputation.internal.board.Standings;
import org.entraide.reputation.internal.board.Standings.Standing;
import org.entraide.reputation.internal.board.Topics;

/**
 * {@code GET /brands/{brand}/leaderboard?period=all|month|week&topic=&tag=&page=&size=&user=&around=}: the top
 * members of this period (calendar month, week from Monday, UTC), in the whole brand, a topic or a tag, and a
 * member's rank with the members around them (the caller's by default). Ranks count the members with a higher
 * score, so ties share one; within a tie, the older account comes first. Public.
 */
final class LeaderboardEndpoint {
    /** A member's rank and their neighbours. */
    record MemberView(long rank, long userId, String pseudonym, int points, List<Standing> above, List<Standing> below) {
    }

    /** The answer. */
    record LeaderboardView(String period, LocalDate from, String topic, String tag, long members, int page, int size,
                           List<Standing> top, MemberView member) {
    }

    private final Transactions tx;
    private final Standings standings;
    private final Topics topics;
    private final Clock clock;

    LeaderboardEndpoint(Transactions tx, Standings standings, Topics topics, Clock clock) {
        this.tx = tx;
        this.standings = standings;
        this.topics = topics;
        this.clock = clock;
    }

    ApiResult handle(ApiCall call) {
        long brandId = call.brand().id();
        Period period = period(call.query("period"));
        String topic = blankToNull(call.query("topic"));
        String tag = blankToNull(call.query("tag"));
        if (topic != null && tag != null) {
            throw ProblemException.badRequest("one board at a time: a topic or a tag, not both");
        }
        int page = call.intQuery("page", 1, 1, 10_000);
        int size = call.intQuery("size", 10, 1, Access.MAX_PAGE_SIZE);
        int around = call.intQuery("around", 2, 0, 10);
        Long userId = call.query("user") != null ? Long.valueOf(Access.id(call, "user"))
            : call.optionalCaller().filter(c -> c.brandId() == brandId).map(Caller::userId).orElse(null);
        Instant now = clock.instant();
        return ApiResult.ok(tx.inTransaction(c -> {
            Long topicId = topic == null ? null : topics.id(c, brandId, topic)
                .orElseThrow(() -> ProblemException.invalid("topic", "no topic '" + topic + "' in this brand"));
            Standings.Board board = new Standings.Board(brandId, period.key(now), Boards.scope(topicId, tag));
            MemberView member = userId == null ? null : standings.of(c, board, userId).map(me -> new MemberView(
                standings.ranked(c, board, List.of(me)).get(0).rank(), me.userId(), me.pseudonym(), me.points(),
                standings.ranked(c, board, standings.above(c, board, me, around)),
                standings.ranked(c, board, standings.below(c, board, me, around)))).orElse(null);
            return new LeaderboardView(period.code(), period.start(now), topic, tag, standings.members(c, board), page, size,
                standings.rankedPage(c, board, standings.top(c, board, (page - 1) * size, size), (page - 1) * size), member);
        }));
    }

    private static Period period(String raw) {
        try {
            return raw == null || raw.isBlank() ? Period.ALL : Period.of(raw.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("period", e.getMessage());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
