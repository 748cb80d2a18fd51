package org.entraide.channels.internal;

import java.sql.Connection;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.entraide.api.model.Brand;
import org.entraide.api.model.PostType;
import org.entraide.api.model.Role;
import org.entraide.api.platform.PostFacts;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;
import org.entraide.api.web.Pictures;

/**
 * Pictures attached to a complaint: its author adds them; the author, the managers of the store it is about now
 * (local managers route it there and a delegation moves it), the managers of the region local managers escalated it
 * to, the brand's central team (brand admins) and moderators see them. For anyone else, signed in or not, the complaint has no attachments at all: a 404, as for an unknown one.
 */
final class AttachmentsApi {
    /** Pixels a side of the picture served. */
    static final int MAX_SERVED = 2000;
    private final CoreServices core;
    private final Attachments store;
    private final ThanksStore brandSettings;
    private final ChannelSettings settings;
    private final StoreSide storeSide;
    private final Clock clock;

    AttachmentsApi(CoreServices core, Attachments store, ThanksStore brandSettings, ChannelSettings settings, StoreSide storeSide,
                   Clock clock) {
        this.core = core;
        this.storeSide = storeSide;
        this.store = store;
        this.brandSettings = brandSettings;
        this.settings = settings;
        this.clock = clock;
    }

    /** The complaint's author attaches a picture; it is re-encoded before it is stored. */
    ApiResult add(ApiCall call) {
        Brand brand = call.brand();
        Caller caller = call.caller();
        long complaintId = call.pathId("id");
        PostFacts complaint = core.tx().inTransaction(c -> readable(c, brand, caller, complaintId));
        if (complaint.authorId() != caller.userId()) {
            throw ProblemException.forbidden("only the complaint's author attaches pictures to it");
        }
        ApiCall.Upload upload = call.upload();
        int limit = core.tx().inTransaction(c -> maxBytes(c, brand.id()));
        if (upload.bytes().length > limit) {
            throw ProblemException.tooLarge("an attachment is at most " + limit / 1024 + " KB");
        }
        if (upload.bytes().length == 0) {
            throw ProblemException.invalid("file", "the file is empty");
        }
        // decoded outside the transaction: no connection held while a picture is read
        Pictures.Picture picture = redraw(upload.mediaType(), upload.bytes());
        long id = core.tx().inTransaction(c -> {
            if (store.countOf(c, brand.id(), complaintId) >= settings.attachmentMaxCount()) {
                throw ProblemException.conflict("a complaint has at most " + settings.attachmentMaxCount() + " attachments");
            }
            return store.add(c, brand.id(), complaintId, null, caller.userId(), "upload", picture, clock.instant());
        });
        return ApiResult.created(path(brand, complaintId) + "/" + id, view(new Attachments.Attachment(id, complaintId,
            caller.userId(), "upload", picture.mediaType(), picture.width(), picture.height(), picture.bytes().length,
            clock.instant()), brand));
    }

    ApiResult list(ApiCall call) {
        Brand brand = call.brand();
        Caller caller = call.optionalCaller().orElseThrow(() -> ProblemException.notFound("no such complaint"));
        long complaintId = call.pathId("id");
        return ApiResult.ok(core.tx().inTransaction(c -> {
            readable(c, brand, caller, complaintId);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("items", store.of(c, brand.id(), complaintId).stream().map(a -> view(a, brand)).toList());
            out.put("maxCount", settings.attachmentMaxCount());
            out.put("maxKilobytes", maxBytes(c, brand.id()) / 1024);
            return out;
        }));
    }

    /** The picture's bytes, which no cache keeps. */
    ApiResult image(ApiCall call) {
        Brand brand = call.brand();
        Caller caller = call.optionalCaller().orElseThrow(() -> ProblemException.notFound("no such attachment"));
        long complaintId = call.pathId("id");
        long id = call.pathId("attachment");
        byte[] bytes = core.tx().inTransaction(c -> {
            readable(c, brand, caller, complaintId);
            return store.image(c, brand.id(), complaintId, id).orElseThrow(() -> ProblemException.notFound("no such attachment"));
        });
        return ApiResult.privateBytes(Pictures.JPEG, bytes);
    }

    /** The complaint, when the caller may see its attachments; a 404 otherwise, as if it had none. */
    private PostFacts readable(Connection c, Brand brand, Caller caller, long complaintId) {
        PostFacts p = core.posts().post(c, brand.id(), complaintId).filter(f -> f.type() == PostType.COMPLAINT)
            .orElseThrow(() -> ProblemException.notFound("no such complaint"));
        boolean allowed = p.authorId() == caller.userId() || caller.has(Role.MODERATOR) || caller.has(Role.BRAND_ADMIN)
            || (p.storeId() != null && caller.managesStore(p.storeId()))
            || storeSide.regionOf(c, brand.id(), complaintId, caller.userId());
        if (!allowed) {
            throw ProblemException.notFound("no such complaint");
        }
        return p;
    }

    int maxBytes(Connection c, long brandId) {
        Integer own = brandSettings.attachmentMaxKilobytes(c, brandId);
        return own == null ? settings.attachmentMaxBytes() : Math.min(settings.attachmentMaxBytes(), own * 1024);
    }

    /** The picture served, drawn anew by the platform: enough to read a receipt, a few hundred kilobytes. */
    Pictures.Picture redraw(String mediaType, byte[] upload) {
        return core.pictures().photo(mediaType, upload, "file", MAX_SERVED);
    }

    private static String path(Brand brand, long complaintId) {
        return "/api/v1/brands/" + brand.slug() + "/complaints/" + complaintId + "/attachments";
    }

    private static Map<String, Object> view(Attachments.Attachment a, Brand brand) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", a.id());
        out.put("mediaType", a.mediaType());
        out.put("width", a.width());
        out.put("height", a.height());
        out.put("bytes", a.byteSize());
        out.put("source", a.source());
        out.put("createdAt", a.createdAt().toString());
        out.put("href", path(brand, a.complaintId()) + "/" + a.id());
        return out;
    }
}
