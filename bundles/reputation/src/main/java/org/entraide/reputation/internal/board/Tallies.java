package org.entraide.reputation.internal.board;

import org.entraide.jdbc.Sql;

import java.sql.Connection;
import java.util.Objects;


/**
 * How many members have each score on each board ({@code reputation_board_tally}): a member's rank is one plus
 * the members with a higher score, a sum over the distinct scores above theirs.
 */
final class Tallies {
    /** A member's score on the board went from {@code before} to {@code after} (null: not on the board). */
    void move(Connection c, long brandId, String period, String scope, Integer before, Integer after) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (before != null) {
            add(c, brandId, period, scope, before, -1);
        }
        if (after != null) {
            add(c, brandId, period, scope, after, 1);
        }
    }

    /** Members with more than {@code points} on the board. */
    long above(Connection c, Standings.Board board, int points) {
        return Sql.count(c, "SELECT COALESCE(SUM(members), 0) FROM reputation_board_tally WHERE brand_id = ? AND period = ? "
            + "AND scope = ? AND points > ?", board.brandId(), board.period(), board.scope(), points);
    }

    long members(Connection c, Standings.Board board) {
        return Sql.count(c, "SELECT COALESCE(SUM(members), 0) FROM reputation_board_tally WHERE brand_id = ? AND period = ? "
            + "AND scope = ?", board.brandId(), board.period(), board.scope());
    }

    /** After a recomputation emptied the brand's boards: only the reputation board has members, all at the floor. */
    void reset(Connection c, long brandId) {
        Sql.update(c, "DELETE FROM reputation_board_tally WHERE brand_id = ?", brandId);
        Sql.update(c, "INSERT INTO reputation_board_tally (brand_id, period, scope, points, members) "
            + "SELECT brand_id, 'all', '', points, COUNT(*) FROM reputation_user WHERE brand_id = ? GROUP BY brand_id, points",
            brandId);
    }

    private static void add(Connection c, long brandId, String period, String scope, int points, int members) {
        int n = Sql.update(c, "UPDATE reputation_board_tally SET members = members + ? WHERE brand_id = ? AND period = ? "
            + "AND scope = ? AND points = ?", members, brandId, period, scope, points);
        if (n == 0) {
            Sql.update(c, "INSERT INTO reputation_board_tally (brand_id, period, scope, points, members) "
                + "VALUES (?, ?, ?, ?, ?)", brandId, period, scope, points, members);
        }
    }
}
