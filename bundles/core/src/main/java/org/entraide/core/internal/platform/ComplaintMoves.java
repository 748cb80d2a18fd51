package org.entraide.core.internal.platform;

import java.sql.Connection;
import java.time.Clock;
import java.util.Objects;

import org.entraide.api.event.ComplaintMoved;
import org.entraide.api.event.EventLog;
import org.entraide.api.model.Brand;
import org.entraide.api.model.PostType;
import org.entraide.api.model.Store;
import org.entraide.api.platform.Complaints;
import org.entraide.api.problem.ProblemException;
import org.entraide.core.internal.brand.BrandDirectory;
import org.entraide.jdbc.Sql;
import org.entraide.core.internal.post.PostRow;
import org.entraide.core.internal.post.Posts;

/** Moves a complaint to another store of its brand, as one change of the core's with its event. */
public final class ComplaintMoves implements Complaints {
    private final BrandDirectory brands;
    private final Posts posts;
    private final EventLog events;
    private final Clock clock;

    /** The complaints' service, for official responses given through the platform. */
    private final org.entraide.core.internal.post.ComplaintService complaints;

    public ComplaintMoves(BrandDirectory brands, Posts posts, EventLog events, Clock clock,
                          org.entraide.core.internal.post.ComplaintService complaints) {
        this.complaints = complaints;
        this.brands = brands;
        this.posts = posts;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void moveToStore(Connection c, long brandId, long complaintId, long storeId, Long actorId, String reason) {
        PostRow p = posts.lock(c, complaintId).filter(r -> r.brandId() == brandId && r.type() == PostType.COMPLAINT)
            .orElseThrow(() -> ProblemException.notFound("no complaint " + complaintId));
        Store store = brands.storeById(c, storeId).filter(s -> s.brandId() == brandId)
            .orElseThrow(() -> ProblemException.notFound("no store " + storeId));
        if (Objects.equals(p.storeId(), storeId)) {
            return;
        }
        Sql.update(c, "UPDATE post SET store_id = ? WHERE id = ?", storeId, complaintId);
        posts.touch(c, complaintId, clock.instant());
        events.append(c, brandId, actorId, complaintId, new ComplaintMoved(complaintId, p.storeId(), storeId, store.code(),
            reason));
    }

    @Override
    public void respond(Connection c, long brandId, long complaintId, org.entraide.api.security.Caller responder, String body) {
        Brand brand = brands.find(c, brandId).orElseThrow(() -> ProblemException.notFound("no brand " + brandId));
        // joins the caller's transaction: the core's Database binds it to the thread
        complaints.respond(responder, brand, complaintId, body);
    }
}
