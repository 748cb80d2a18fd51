package org.entraide.localmanagers.internal.web;

import java.sql.Connection;

import org.entraide.api.problem.ProblemException;
import org.entraide.jdbc.Sql;

/** Ids of complaints, users, stores and regions from a request, resolved inside the URL's brand or a 404. */
final class Complaints {
    private Complaints() {
    }

    /** A published complaint of the brand; 404 otherwise (another brand's looks like none). */
    static void published(Connection c, long brandId, long id) {
        if (Sql.count(c, "SELECT COUNT(*) FROM post WHERE id = ? AND brand_id = ? AND post_type = 'COMPLAINT' "
            + "AND publication = 'PUBLISHED'", id, brandId) == 0) {
            throw ProblemException.notFound("no complaint " + id);
        }
    }

    /** A complaint of the brand, whatever its publication; 404 otherwise. */
    static void exists(Connection c, long brandId, long id) {
        if (Sql.count(c, "SELECT COUNT(*) FROM post WHERE id = ? AND brand_id = ? AND post_type = 'COMPLAINT'", id, brandId) == 0) {
            throw ProblemException.notFound("no complaint " + id);
        }
    }

    static void member(Connection c, long brandId, long userId) {
        if (Sql.count(c, "SELECT COUNT(*) FROM app_user WHERE id = ? AND brand_id = ?", userId, brandId) == 0) {
            throw ProblemException.notFound("no member " + userId);
        }
    }

    static long store(Connection c, long brandId, String code) {
        return Sql.one(c, "SELECT id FROM store WHERE brand_id = ? AND code = ?", rs -> rs.getLong(1), brandId, code)
            .orElseThrow(() -> ProblemException.notFound("no store '" + code + "'"));
    }

    static long region(Connection c, long brandId, String code) {
        return Sql.one(c, "SELECT id FROM lm_region WHERE brand_id = ? AND code = ?", rs -> rs.getLong(1), brandId, code)
            .orElseThrow(() -> ProblemException.notFound("no region '" + code + "'"));
    }
}
