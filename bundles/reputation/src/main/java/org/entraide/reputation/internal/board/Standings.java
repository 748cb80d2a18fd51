package org.entraide.reputation.internal.board;

import org.entraide.jdbc.Sql;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;


/**
 * Reads one leaderboard, best first, ties to the older account (lower id). Rows come from range scans of the
 * board's index; ranks (one plus the members with a higher score, so ties share a rank) from the board's
 * tally of members per score.
 */
public final class Standings {
    /** A member on a board; rank is null until {@link #ranked} gives it. */
    public record Standing(Long rank, long userId, String pseudonym, int points) {
        Standing withRank(long r) {
            return new Standing(r, userId, pseudonym, points);
        }
    }

    /** One board: the brand's reputation (all time, whole brand) or a row set of reputation_board. */
    public record Board(long brandId, String period, String scope) {
        boolean isReputation() {
            return "all".equals(period) && scope.isEmpty();
        }

        String from() {
            return isReputation() ? "reputation_user b WHERE b.brand_id = ?"
                : "reputation_board b WHERE b.brand_id = ? AND b.period = ? AND b.scope = ?";
        }

        /**
         * A subquery per returned row, not a join: with a join PostgreSQL may pick a merge join that walks the
         * members' primary key from the first id up to the board's range (seen at 100 ms on a million members).
         */
        String pseudonym() {
            return isReputation() ? "b.pseudonym" : "(SELECT u.pseudonym FROM reputation_user u WHERE u.user_id = b.user_id)";
        }

        Object[] params(Object... more) {
            List<Object> all = new ArrayList<>(isReputation() ? List.of(brandId) : List.of(brandId, period, scope));
            Collections.addAll(all, more);
            return all.toArray();
        }
    }

    private final Tallies tallies = new Tallies();

    Tallies tallies() {
        return tallies;
    }

    public List<Standing> top(Connection c, Board board, int offset, int limit) {
        return rows(c, board, "TRUE ORDER BY b.points DESC, b.user_id LIMIT ? OFFSET ?", limit, offset);
    }

    public long members(Connection c, Board board) {
        return tallies.members(c, board);
    }

    /** The member's place, or empty when they are not on this board. */
    public Optional<Standing> of(Connection c, Board board, long userId) {
        return rows(c, board, "b.user_id = ? LIMIT ?", userId, 1).stream().findFirst();
    }

    /** Up to {@code n} members just before {@code me}, nearest last. */
    public List<Standing> above(Connection c, Board board, Standing me, int n) {
        // two range scans of the index (ties before me, then higher scores); one query with an OR would filter
        List<Standing> rows = new ArrayList<>(rows(c, board, "b.points = ? AND b.user_id < ? ORDER BY b.user_id DESC LIMIT ?",
            me.points(), me.userId(), n));
        if (rows.size() < n) {
            rows.addAll(rows(c, board, "b.points > ? ORDER BY b.points, b.user_id DESC LIMIT ?", me.points(), n - rows.size()));
        }
        Collections.reverse(rows);
        return rows;
    }

    /** Up to {@code n} members just after {@code me}, nearest first. */
    public List<Standing> below(Connection c, Board board, Standing me, int n) {
        List<Standing> rows = new ArrayList<>(rows(c, board, "b.points = ? AND b.user_id > ? ORDER BY b.user_id LIMIT ?",
            me.points(), me.userId(), n));
        if (rows.size() < n) {
            rows.addAll(rows(c, board, "b.points < ? ORDER BY b.points DESC, b.user_id LIMIT ?", me.points(), n - rows.size()));
        }
        return rows;
    }

    /**
     * A page of {@link #top} with its ranks. A row whose score differs from the previous row's has every member
     * before it above it, so its rank is its position; only a page that starts inside a tie needs the tally.
     */
    public List<Standing> rankedPage(Connection c, Board board, List<Standing> rows, int offset) {
        List<Standing> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Standing s = rows.get(i);
            long rank;
            if (i > 0 && s.points() == rows.get(i - 1).points()) {
                rank = out.get(i - 1).rank();
            } else if (i == 0 && offset > 0) {
                rank = 1 + tallies.above(c, board, s.points());
            } else {
                rank = offset + i + 1L;
            }
            out.add(s.withRank(rank));
        }
        return out;
    }

    /** The rows with their ranks: one sum over the tally per distinct score. */
    public List<Standing> ranked(Connection c, Board board, List<Standing> rows) {
        Map<Integer, Long> ranks = new HashMap<>();
        List<Standing> out = new ArrayList<>();
        for (Standing s : rows) {
            long rank = ranks.computeIfAbsent(s.points(), p -> 1 + tallies.above(c, board, p));
            out.add(s.withRank(rank));
        }
        return out;
    }

    private List<Standing> rows(Connection c, Board board, String condition, Object... values) {
        return Sql.list(c, "SELECT b.user_id, b.points, " + board.pseudonym() + " FROM " + board.from() + " AND " + condition,
            rs -> new Standing(null, rs.getLong(1), rs.getString(3), rs.getInt(2)), board.params(values));
    }
}
