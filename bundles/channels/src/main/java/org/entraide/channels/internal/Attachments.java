package org.entraide.channels.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.entraide.api.web.Pictures;
import org.entraide.jdbc.Sql;

/** The plugin's rows of pictures attached to complaints, and to e-mails to stores until they are filed. */
final class Attachments {
    /** An attachment as its readers list it; its bytes are read apart. */
    record Attachment(long id, Long complaintId, Long uploaderId, String source, String mediaType, int width, int height,
                      int byteSize, Instant createdAt) {
    }

    private static final String COLUMNS = "id, complaint_id, uploader_id, source, media_type, width, height, byte_size, created_at";

    long add(Connection c, long brandId, Long complaintId, Long intakeId, Long uploaderId, String source,
             Pictures.Picture p, Instant at) {
        return Sql.insert(c, "INSERT INTO channels_attachment (brand_id, complaint_id, intake_id, uploader_id, source, media_type, "
            + "width, height, byte_size, image, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", brandId, complaintId, intakeId,
            uploaderId, source, p.mediaType(), p.width(), p.height(), p.bytes().length, p.bytes(), at);
    }

    long countOf(Connection c, long brandId, long complaintId) {
        return Sql.count(c, "SELECT COUNT(*) FROM channels_attachment WHERE brand_id = ? AND complaint_id = ?", brandId, complaintId);
    }

    List<Attachment> of(Connection c, long brandId, long complaintId) {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM channels_attachment WHERE brand_id = ? AND complaint_id = ? ORDER BY id",
            Attachments::row, brandId, complaintId);
    }

    Optional<byte[]> image(Connection c, long brandId, long complaintId, long id) {
        return Sql.one(c, "SELECT image FROM channels_attachment WHERE brand_id = ? AND complaint_id = ? AND id = ?",
            rs -> rs.getBytes(1), brandId, complaintId, id);
    }

    /** The pictures of a confirmed e-mail now belong to the complaint filed from it, and to its sender. */
    void filed(Connection c, long intakeId, long complaintId, long memberId) {
        Sql.update(c, "UPDATE channels_attachment SET complaint_id = ?, uploader_id = ?, intake_id = NULL WHERE intake_id = ?",
            complaintId, memberId, intakeId);
    }

    /** What a member attached, with the bytes, for their export. */
    List<Object[]> sentBy(Connection c, long brandId, long memberId) {
        return Sql.list(c, "SELECT " + COLUMNS + ", image FROM channels_attachment WHERE brand_id = ? AND uploader_id = ? ORDER BY id",
            rs -> new Object[] {row(rs), rs.getBytes("image")}, brandId, memberId);
    }

    /** A member's pictures go with them, and those of their e-mails never confirmed (their rows go with the intake). */
    void forget(Connection c, long brandId, long memberId, List<Long> intakeIds) {
        Sql.update(c, "DELETE FROM channels_attachment WHERE brand_id = ? AND uploader_id = ?", brandId, memberId);
        for (long intake : intakeIds) {
            Sql.update(c, "DELETE FROM channels_attachment WHERE brand_id = ? AND intake_id = ?", brandId, intake);
        }
    }

    private static Attachment row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Attachment(rs.getLong("id"), Sql.nullableLong(rs, "complaint_id"), Sql.nullableLong(rs, "uploader_id"),
            rs.getString("source"), rs.getString("media_type"), rs.getInt("width"), rs.getInt("height"), rs.getInt("byte_size"),
            Sql.instant(rs, "created_at"));
    }
}
