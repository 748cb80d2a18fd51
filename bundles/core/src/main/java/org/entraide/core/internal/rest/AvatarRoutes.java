package org.entraide.core.internal.rest;

import org.entraide.api.security.Caller;
import org.entraide.core.internal.avatar.Avatars;
import org.entraide.core.internal.rest.openapi.Doc;

/** Members' avatars: one's own upload, and every member's picture as a PNG the server drew. */
public final class AvatarRoutes extends ApiRoutes {
    private static final String LIMIT = "avatar";

    private final Avatars avatars;
    private final RateLimits limits;

    public AvatarRoutes(ApiDispatcher dispatcher, Avatars avatars, RateLimits limits) {
        super(dispatcher);
        this.avatars = avatars;
        this.limits = limits;
    }

    @Override
    public void configure() {
        get("/brands/{brand}/users/{id}/avatar", "users.avatar", Doc.of("A member's avatar, a 128-pixel PNG: the picture "
                + "they uploaded, drawn anew, or one drawn from their pseudonym").returns(byte[].class).produces("image/png")
                .query("v", "ignored: a page changes it so that browsers fetch the latest picture"),
            r -> ApiReply.image("image/png", avatars.of(r.brand(), r.pathId("id"))));
        put("/brands/{brand}/me/avatar", "members.avatar.upload", Doc.of("Upload one's avatar: a PNG, JPEG or WebP picture of "
                + "at most 1 MB and 6000 pixels a side, cropped to a square and re-encoded (the uploaded bytes are never served)")
                .upload(Avatars.MAX_UPLOAD_BYTES, "image/png", "image/jpeg", "image/webp").noContent().bearer().errors(429),
            r -> {
                Caller caller = r.caller();
                var brand = r.brand();
                limits.check(LIMIT, "user/" + caller.userId());
                org.entraide.api.web.ApiCall.Upload upload = r.upload();
                avatars.upload(caller, brand, upload.mediaType(), upload.bytes());
                return ApiReply.noContent();
            });
        delete("/brands/{brand}/me/avatar", "members.avatar.remove", Doc.of("Go back to the avatar drawn from one's pseudonym")
                .noContent().bearer(),
            r -> {
                avatars.remove(r.caller(), r.brand());
                return ApiReply.noContent();
            });
    }
}
