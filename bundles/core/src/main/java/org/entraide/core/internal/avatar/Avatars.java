package org.entraide.core.internal.avatar;

import java.time.Clock;

import org.entraide.api.model.Brand;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.db.Database;
import org.entraide.jdbc.Sql;

/**
 * Members' avatars: the picture a member uploaded, re-encoded by {@link AvatarImages}, or one drawn from their
 * pseudonym. Only re-encoded bytes are stored, so that only bytes the server made are ever served.
 */
public final class Avatars {
    /** The largest upload taken; the stored avatar is a few kilobytes whatever was sent. */
    public static final int MAX_UPLOAD_BYTES = 1024 * 1024;

    private final Database db;
    private final Clock clock;

    public Avatars(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Replaces the caller's avatar with the uploaded picture. */
    public void upload(Caller caller, Brand brand, String mediaType, byte[] upload) {
        org.entraide.core.internal.post.Visibility.requireBrand(caller, brand.id(), brand.slug());
        if (upload.length == 0) {
            throw ProblemException.invalid("image", "the picture is empty");
        }
        // decoded outside the transaction: no connection held while a picture is read
        byte[] image = AvatarImages.reencode(mediaType, upload);
        db.inTransaction(c -> {
            if (Sql.update(c, "UPDATE user_avatar SET image = ?, updated_at = ? WHERE user_id = ?", image, clock.instant(),
                    caller.userId()) == 0) {
                Sql.update(c, "INSERT INTO user_avatar (user_id, image, updated_at) VALUES (?, ?, ?)", caller.userId(), image,
                    clock.instant());
            }
            return null;
        });
    }

    /** Goes back to the drawn avatar. */
    public void remove(Caller caller, Brand brand) {
        org.entraide.core.internal.post.Visibility.requireBrand(caller, brand.id(), brand.slug());
        db.inTransaction(c -> Sql.update(c, "DELETE FROM user_avatar WHERE user_id = ?", caller.userId()));
    }

    /** The PNG of a member of the brand: their upload, or one drawn from their pseudonym; 404 for anyone else. */
    public byte[] of(Brand brand, long userId) {
        return db.inTransaction(c -> {
            String pseudonym = Sql.one(c, "SELECT pseudonym FROM app_user WHERE brand_id = ? AND id = ?",
                rs -> rs.getString(1), brand.id(), userId)
                .orElseThrow(() -> ProblemException.notFound("no member " + userId + " in this brand"));
            return Sql.one(c, "SELECT image FROM user_avatar WHERE user_id = ?", rs -> rs.getBytes(1), userId)
                .orElseGet(() -> AvatarImages.identicon(pseudonym));
        });
    }
}
