package org.entraide.core.internal.post;

import java.sql.Connection;

import org.entraide.jdbc.Sql;

/** A brand's rules for changing posts after the fact ({@code brand_content_policy}). */
public final class ContentPolicy {
    private ContentPolicy() {
    }

    /** Minutes after posting during which its author may edit a post; null: always. */
    public static Integer editWindowMinutes(Connection c, long brandId) {
        // a row whose window is null reads as 0 (the mapper may not answer null): both mean always
        int minutes = Sql.one(c, "SELECT COALESCE(edit_window_minutes, 0) FROM brand_content_policy WHERE brand_id = ?",
            rs -> rs.getInt(1), brandId).orElse(0);
        return minutes == 0 ? null : minutes;
    }

    /** {@code minutes}: null for always. */
    public static void setEditWindowMinutes(Connection c, long brandId, Integer minutes) {
        if (Sql.update(c, "UPDATE brand_content_policy SET edit_window_minutes = ? WHERE brand_id = ?", minutes, brandId) == 0) {
            Sql.update(c, "INSERT INTO brand_content_policy (brand_id, edit_window_minutes) VALUES (?, ?)", brandId, minutes);
        }
    }
}
