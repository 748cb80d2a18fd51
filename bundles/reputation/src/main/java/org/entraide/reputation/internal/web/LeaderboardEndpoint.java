package org.entraide.reputation.internal.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

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
import org.entraide.reputation.internal.ledger.Members;

/**
 * {@code GET /brands/{brand}/leaderboard?period=all|month|week&topic=&tag=&page=&size=&user=&around=}: the top
 * members of this period (calendar month, week from Monday, UTC), in the whole brand, a topic or a tag, and a
 * member's rank with the members around them (the caller's by default). Ranks count the members with a higher
 * score, so ties share one; within a tie, the older account comes first. Public. An unknown member, topic or tag
 * (or another brand's) is a 404.
 */
final class LeaderboardEndpoint {
    /** A member's rank and their neighbours. */
    record MemberView(long rank, long userId, String pseudonym, int points, List<Standing> above, List<Standing> below) {
    }

    /** The answer: a page of the board, like every list of the API, with the board it is and the member's place. */
    record LeaderboardView(List<Standing> items, long total, int page, int size, String period, LocalDate from,
                           String topic, String tag, MemberView member) {
    }

    /** The query parameters it reads; any other is a 400. */
    static final Set<String> QUERY = Set.of("period", "topic", "tag", "page", "size", "user", "around");

    private final Transactions tx;
    private final Standings standings;
    private final Topics topics;
    private final Members members;
    private final Clock clock;

    LeaderboardEndpoint(Transactions tx, Standings standings, Topics topics, Members members, Clock clock) {
        this.tx = tx;
        this.standings = standings;
        this.topics = topics;
        this.members = members;
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
        int page = call.intQuery("page", 1, 1, Access.MAX_PAGE);
        int size = call.intQuery("size", 10, 1, Access.MAX_PAGE_SIZE);
        int around = call.intQuery("around", 2, 0, 10);
        boolean named = call.query("user") != null;
        Long userId = named ? Long.valueOf(Access.id(call, "user"))
            : call.optionalCaller().filter(c -> c.brandId() == brandId).map(Caller::userId).orElse(null);
        Instant now = clock.instant();
        return ApiResult.ok(tx.inTransaction(c -> {
            // every id and slug is looked up in the URL's brand: another brand's is as unknown as none
            if (named && members.find(c, userId).filter(m -> m.brandId() == brandId).isEmpty()) {
                throw ProblemException.notFound("no member " + userId + " in this brand");
            }
            Long topicId = topic == null ? null : topics.id(c, brandId, topic)
                .orElseThrow(() -> ProblemException.notFound("no topic '" + topic + "' in this brand"));
            if (tag != null && !topics.hasTag(c, brandId, tag)) {
                throw ProblemException.notFound("no post tagged '" + tag + "' in this brand");
            }
            Standings.Board board = new Standings.Board(brandId, period.key(now), Boards.scope(topicId, tag));
            MemberView member = userId == null ? null : standings.of(c, board, userId).map(me -> new MemberView(
                standings.ranked(c, board, List.of(me)).get(0).rank(), me.userId(), me.pseudonym(), me.points(),
                standings.ranked(c, board, standings.above(c, board, me, around)),
                standings.ranked(c, board, standings.below(c, board, me, around)))).orElse(null);
            return new LeaderboardView(standings.rankedPage(c, board, standings.top(c, board, (page - 1) * size, size),
                (page - 1) * size), standings.members(c, board), page, size, period.code(), period.start(now), topic, tag,
                member);
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
