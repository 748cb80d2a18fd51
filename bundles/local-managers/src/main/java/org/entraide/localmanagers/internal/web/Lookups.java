package org.entraide.localmanagers.internal.web;

import java.sql.Connection;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.entraide.api.model.PostType;
import org.entraide.api.model.Store;
import org.entraide.api.platform.ComplaintFacts;
import org.entraide.api.platform.MemberFacts;
import org.entraide.api.platform.PostFacts;
import org.entraide.api.problem.ProblemException;
import org.entraide.jdbc.Sql;
import org.entraide.localmanagers.internal.Platform;

/** Ids of complaints, users, stores and regions from a request, resolved inside the URL's brand or a 404. */
public final class Lookups {
    private final Platform platform;

    public Lookups(Platform platform) {
        this.platform = platform;
    }

    /** A published complaint of the brand; 404 otherwise (another brand's looks like none). */
    PostFacts published(Connection c, long brandId, long id) {
        PostFacts p = exists(c, brandId, id);
        if (!p.isPublished()) {
            throw ProblemException.notFound("no complaint " + id);
        }
        return p;
    }

    /** A complaint of the brand, whatever its publication; 404 otherwise. */
    PostFacts exists(Connection c, long brandId, long id) {
        return platform.posts().post(c, brandId, id).filter(p -> p.type() == PostType.COMPLAINT)
            .orElseThrow(() -> ProblemException.notFound("no complaint " + id));
    }

    MemberFacts member(Connection c, long brandId, long userId) {
        return platform.members().member(c, brandId, userId).orElseThrow(() -> ProblemException.notFound("no member " + userId));
    }

    long store(Connection c, long brandId, String code) {
        return platform.stores().byCode(c, brandId, code).orElseThrow(() -> ProblemException.notFound("no store '" + code + "'"))
            .id();
    }

    /** Every store of the brand, by code. */
    List<Store> stores(Connection c, long brandId) {
        return platform.stores().all(c, brandId);
    }

    Optional<Store> storeByCode(Connection c, long brandId, String code) {
        return platform.stores().byCode(c, brandId, code);
    }

    /** The brand's stores by id, for a page of rows that name stores by id. */
    Map<Long, Store> storesById(Connection c, long brandId) {
        return stores(c, brandId).stream().collect(Collectors.toMap(Store::id, s -> s));
    }

    /** The brand's complaints among those ids, in one read; others are left out. */
    Map<Long, ComplaintFacts> complaints(Connection c, long brandId, Collection<Long> ids) {
        return platform.posts().complaints(c, brandId, ids);
    }

    /** The brand's members among those ids, in one read; others are left out. */
    Map<Long, MemberFacts> members(Connection c, long brandId, Collection<Long> ids) {
        return platform.members().members(c, brandId, ids);
    }

    /** The brand's member with that e-mail address, compared as at sign-in. */
    Optional<MemberFacts> memberByEmail(Connection c, long brandId, String email) {
        return platform.members().byEmail(c, brandId, email);
    }

    static long region(Connection c, long brandId, String code) {
        return Sql.one(c, "SELECT id FROM lm_region WHERE brand_id = ? AND code = ?", rs -> rs.getLong(1), brandId, code)
            .orElseThrow(() -> ProblemException.notFound("no region '" + code + "'"));
    }
}
