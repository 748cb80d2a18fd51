package org.entraide.core.internal.post;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.entraide.api.event.ComplaintReopened;
import org.entraide.api.event.ComplaintResolved;
import org.entraide.api.event.ComplaintResponded;
import org.entraide.api.event.ComplaintUnresolved;
import org.entraide.api.event.EventLog;
import org.entraide.api.model.Brand;
import org.entraide.api.model.ComplaintStatus;
import org.entraide.api.model.PostType;
import org.entraide.api.model.Role;
import org.entraide.api.model.Store;
import org.entraide.api.plugin.OfficialResponders;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.brand.BrandDirectory;
import org.entraide.core.internal.content.ContentRenderer;
import org.entraide.core.internal.db.Database;
import org.entraide.jdbc.Sql;

/** Complaints, the official responses of staff, and the complainant's verdict. */
public final class ComplaintService {
    private final Database db;
    private final BrandDirectory brands;
    private final Posts posts;
    private final EventLog events;
    private final ContentRenderer renderer;
    private final OfficialVoices voices;
    private final Clock clock;

    public ComplaintService(Database db, BrandDirectory brands, Posts posts, EventLog events, ContentRenderer renderer,
                            OfficialVoices voices, Clock clock) {
        this.db = db;
        this.voices = voices;
        this.brands = brands;
        this.posts = posts;
        this.events = events;
        this.renderer = renderer;
        this.clock = clock;
    }

    public Views.ComplaintView file(Caller caller, Brand brand, String title, String body, String storeCode, boolean showPseudonym) {
        Visibility.requireBrand(caller, brand.id(), brand.slug());
        return db.inTransaction(c -> {
            Store store = null;
            if (storeCode != null) {
                store = brands.storeByCode(c, brand.id(), storeCode)
                    .orElseThrow(() -> ProblemException.invalid("storeCode", "no store '" + storeCode + "' in this brand"));
            }
            PostRow p = posts.submit(c, caller, new NewPost(brand.id(), PostType.COMPLAINT, null, caller.userId(), title, body,
                null, store == null ? null : store.id(), false, showPseudonym, List.of()), clock.instant());
            return view(c, p, caller);
        });
    }

    /**
     * An official response. Store managers respond for their stores, brand admins for every complaint; anyone else
     * only in a voice a plugin grants them ({@link OfficialVoices}), which is stored with the response.
     */
    public Views.ComplaintView respond(Caller caller, Brand brand, long complaintId, String body) {
        Visibility.requireBrand(caller, brand.id(), brand.slug());
        return db.inTransaction(c -> {
            PostRow p = posts.require(c, brand.id(), complaintId, PostType.COMPLAINT, true);
            if (!Visibility.canSee(p, caller)) {
                throw ProblemException.notFound("no complaint " + complaintId);
            }
            boolean storeVoice = caller.has(Role.BRAND_ADMIN) || (p.storeId() != null && caller.managesStore(p.storeId()));
            OfficialResponders.Voice voice = storeVoice ? null : voices.of(brand.id(), p.id(), caller).orElseThrow(() ->
                ProblemException.forbidden("only the store's managers or the brand's admins respond to this complaint"));
            Instant now = clock.instant();
            PostRow r = posts.submit(c, caller, new NewPost(brand.id(), PostType.RESPONSE, p.id(), caller.userId(), null, body,
                null, p.storeId(), true, true, List.of()), now);
            if (voice != null) {
                Sql.update(c, "INSERT INTO response_voice (post_id, voice, label_fr, label_en) VALUES (?, ?, ?, ?)", r.id(),
                    voice.key(), voice.labelFr(), voice.labelEn());
            }
            if (p.complaintStatus() == ComplaintStatus.OPEN) {
                Sql.update(c, "UPDATE post SET complaint_status = ? WHERE id = ?", ComplaintStatus.ANSWERED, p.id());
            }
            posts.touch(c, p.id(), now);
            events.append(c, brand.id(), caller.userId(), p.id(), new ComplaintResponded(p.id(), r.id(), caller.userId(),
                p.storeId(), voice == null ? null : voice.key()));
            return view(c, posts.find(c, p.id()).orElseThrow(), caller);
        });
    }

    /** The complainant's verdict, once the complaint was answered. */
    public Views.ComplaintView resolve(Caller caller, Brand brand, long complaintId, boolean resolved, int rating,
                                       boolean wouldBuyAgain) {
        Visibility.requireBrand(caller, brand.id(), brand.slug());
        return db.inTransaction(c -> {
            PostRow p = posts.require(c, brand.id(), complaintId, PostType.COMPLAINT, true);
            if (p.authorId() != caller.userId()) {
                throw ProblemException.forbidden("only the complainant marks the complaint resolved or not");
            }
            if (!p.complaintStatus().acceptsResolution()) {
                throw ProblemException.conflict(p.complaintStatus() == ComplaintStatus.OPEN
                    ? "the complaint has no response yet" : "the complaint was already evaluated");
            }
            ComplaintStatus status = resolved ? ComplaintStatus.RESOLVED : ComplaintStatus.UNRESOLVED;
            Instant now = clock.instant();
            Sql.update(c, "UPDATE post SET complaint_status = ?, rating = ?, would_buy_again = ?, evaluated_at = ? WHERE id = ?",
                status, rating, wouldBuyAgain, now, p.id());
            posts.touch(c, p.id(), now);
            events.append(c, brand.id(), caller.userId(), p.id(), resolved
                ? new ComplaintResolved(p.id(), rating, wouldBuyAgain, p.storeId())
                : new ComplaintUnresolved(p.id(), rating, wouldBuyAgain, p.storeId()));
            return view(c, posts.find(c, p.id()).orElseThrow(), caller);
        });
    }

    /** How long after their evaluation complainants may reopen a complaint. */
    public static final java.time.Duration REOPEN_WITHIN = java.time.Duration.ofDays(30);

    /** The complainant reopens an evaluated complaint within 30 days: it is open again, its evaluation cleared. */
    public Views.ComplaintView reopen(Caller caller, Brand brand, long complaintId) {
        Visibility.requireBrand(caller, brand.id(), brand.slug());
        return db.inTransaction(c -> {
            PostRow p = posts.require(c, brand.id(), complaintId, PostType.COMPLAINT, true);
            if (p.authorId() != caller.userId()) {
                throw ProblemException.forbidden("only the complainant reopens the complaint");
            }
            if (p.evaluatedAt() == null || (p.complaintStatus() != ComplaintStatus.RESOLVED
                && p.complaintStatus() != ComplaintStatus.UNRESOLVED)) {
                throw ProblemException.conflict("only an evaluated complaint is reopened");
            }
            Instant now = clock.instant();
            if (p.evaluatedAt().plus(REOPEN_WITHIN).isBefore(now)) {
                throw ProblemException.conflict("a complaint is reopened within 30 days of its evaluation");
            }
            Sql.update(c, "UPDATE post SET complaint_status = ?, rating = NULL, would_buy_again = NULL, evaluated_at = NULL "
                + "WHERE id = ?", ComplaintStatus.OPEN, p.id());
            posts.touch(c, p.id(), now);
            events.append(c, brand.id(), caller.userId(), p.id(), new ComplaintReopened(p.id(), p.complaintStatus(),
                p.storeId()));
            return view(c, posts.find(c, p.id()).orElseThrow(), caller);
        });
    }

    public Views.ComplaintView get(Caller caller, Brand brand, long complaintId) {
        return db.inTransaction(c -> {
            PostRow p = posts.require(c, brand.id(), complaintId, PostType.COMPLAINT, false);
            if (!Visibility.canSee(p, caller)) {
                throw ProblemException.notFound("no complaint " + complaintId);
            }
            return view(c, p, caller);
        });
    }

    Views.ComplaintView view(Connection c, PostRow p, Caller caller) {
        List<Views.ResponseView> responses = new ArrayList<>();
        Map<Long, Map<String, String>> voiced = new HashMap<>();
        Sql.list(c, "SELECT v.post_id, v.label_fr, v.label_en FROM response_voice v JOIN post r ON r.id = v.post_id "
            + "WHERE r.parent_id = ?", rs -> voiced.put(rs.getLong(1), Map.of("fr", rs.getString(2), "en", rs.getString(3))),
            p.id());
        for (PostRow r : posts.children(c, p.id())) {
            if (Visibility.canSee(r, caller)) {
                Views.StoreRef store = storeRef(c, r.storeId());
                responses.add(new Views.ResponseView(r.id(), r.body(), posts.bodies.html(r), Authors.of(c, r.authorId()),
                    r.official(), store, voiced.getOrDefault(r.id(), Views.ResponseView.label(store)), r.createdAt()));
            }
        }
        boolean mine = caller != null && caller.userId() == p.authorId();
        Views.Changes changed = PostEdits.changes(c, p);
        return new Views.ComplaintView(p.id(), QuestionService.shown(p, p.title()), QuestionService.shown(p, p.body()),
            QuestionService.shown(p, posts.bodies.html(p)), storeRef(c, p.storeId()),
            p.complaintStatus().name(), publicAuthor(c, p), mine, p.rating(), p.wouldBuyAgain(), p.evaluatedAt(),
            p.publication().name(), p.createdAt(), p.updatedAt(), responses, changed.editedAt(), changed.revisionCount(),
            changed.deleted());
    }

    /** The complainant appears by pseudonym only if they chose to, and never by e-mail. */
    static Views.Author publicAuthor(Connection c, PostRow p) {
        return p.showAuthor() ? Authors.of(c, p.authorId()) : null;
    }

    static Views.StoreRef storeRef(Connection c, Long storeId) {
        if (storeId == null) {
            return null;
        }
        return Sql.one(c, "SELECT code, name, city, postal_code FROM store WHERE id = ?",
            rs -> new Views.StoreRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), storeId).orElse(null);
    }
}
