package org.entraide.reputation.internal.board;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.entraide.reputation.internal.db.Sql;

/**
 * Reads one leaderboard, best first, ties to the older account (lower id). Every query is a range of the
 * board's index: the top N read N entries, a member's position counts the entries before theirs.
 */
public final class Standings {
    /** A member's place on a board: position counts from 1. */
    public record Standing(long position, long userId, String pseudonym, int points) {
    }

    /** One board: the brand's reputation (all time, whole brand) or a row set of reputation_board. */
    public record Board(long brandId, String period, String scope) {
        boolean isReputation() {
            return "all".equals(period) && scope.isEmpty();
        }

        /** The board's rows with their members' pseudonyms. */
        String from() {
            return isReputation() ? counted()
                : "reputation_board b LEFT JOIN reputation_user u ON u.user_id = b.user_id "
                + "WHERE b.brand_id = ? AND b.period = ? AND b.scope = ?";
        }

        /** The board's rows alone: counting needs no names. */
        String counted() {
            return isReputation() ? "reputation_user b WHERE b.brand_id = ?"
                : "reputation_board b WHERE b.brand_id = ? AND b.period = ? AND b.scope = ?";
        }

        String pseudonym() {
            return isReputation() ? "b.pseudonym" : "u.pseudonym";
        }

        Object[] params(Object... more) {
            List<Object> all = new ArrayList<>(isReputation() ? List.of(brandId) : List.of(brandId, period, scope));
            Collections.addAll(all, more);
            return all.toArray();
        }
    }

    public List<Standing> top(Connection c, Board board, int offset, int limit) {
        List<Standing> rows = Sql.list(c, "SELECT b.user_id, b.points, " + board.pseudonym() + " FROM " + board.from()
                + " ORDER BY b.points DESC, b.user_id LIMIT ? OFFSET ?",
            rs -> new Standing(0, rs.getLong(1), rs.getString(3), rs.getInt(2)), board.params(limit, offset));
        return numbered(rows, offset + 1);
    }

    public long size(Connection c, Board board) {
        return Sql.count(c, "SELECT COUNT(*) FROM " + board.counted(), board.params());
    }

    /** The member's place, or empty when they have no points on this board. */
    public Optional<Standing> of(Connection c, Board board, long userId) {
        Optional<Standing> row = Sql.one(c, "SELECT b.user_id, b.points, " + board.pseudonym() + " FROM " + board.from()
            + " AND b.user_id = ?", rs -> new Standing(0, rs.getLong(1), rs.getString(3), rs.getInt(2)), board.params(userId));
        return row.map(s -> new Standing(1 + Sql.count(c, "SELECT COUNT(*) FROM " + board.counted() + " AND b.points > ?",
                board.params(s.points()))
            + Sql.count(c, "SELECT COUNT(*) FROM " + board.counted() + " AND b.points = ? AND b.user_id < ?",
                board.params(s.points(), userId)), s.userId(), s.pseudonym(), s.points()));
    }

    /** Up to {@code n} members just before {@code me}, nearest last. */
    public List<Standing> above(Connection c, Board board, Standing me, int n) {
        // two range scans of the index (ties before me, then higher points); one query with an OR would filter
        List<Standing> rows = new ArrayList<>(rows(c, board, "b.points = ? AND b.user_id < ? ORDER BY b.user_id DESC",
            n, me.points(), me.userId()));
        if (rows.size() < n) {
            rows.addAll(rows(c, board, "b.points > ? ORDER BY b.points, b.user_id DESC", n - rows.size(), me.points()));
        }
        Collections.reverse(rows);
        return numbered(rows, me.position() - rows.size());
    }

    /** Up to {@code n} members just after {@code me}, nearest first. */
    public List<Standing> below(Connection c, Board board, Standing me, int n) {
        List<Standing> rows = new ArrayList<>(rows(c, board, "b.points = ? AND b.user_id > ? ORDER BY b.user_id",
            n, me.points(), me.userId()));
        if (rows.size() < n) {
            rows.addAll(rows(c, board, "b.points < ? ORDER BY b.points DESC, b.user_id", n - rows.size(), me.points()));
        }
        return numbered(rows, me.position() + 1);
    }

    private List<Standing> rows(Connection c, Board board, String condition, int limit, Object... values) {
        Object[] params = new Object[values.length + 1];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = limit;
        return Sql.list(c, "SELECT b.user_id, b.points, " + board.pseudonym() + " FROM " + board.from() + " AND "
            + condition + " LIMIT ?", rs -> new Standing(0, rs.getLong(1), rs.getString(3), rs.getInt(2)),
            board.params(params));
    }

    private static List<Standing> numbered(List<Standing> rows, long first) {
        List<Standing> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Standing s = rows.get(i);
            out.add(new Standing(first + i, s.userId(), s.pseudonym(), s.points()));
        }
        return out;
    }
}
