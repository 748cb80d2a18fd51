package org.entraide.core.internal.post;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import org.entraide.api.model.ComplaintStatus;
import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;
import org.entraide.jdbc.Sql;

/** One row of the {@code post} table. */
public record PostRow(long id, long brandId, PostType type, Long parentId, long authorId, String title, String body,
                      Long topicId, Long storeId, PublicationState publication, boolean official, boolean showAuthor,
                      int score, int upVotes, int downVotes, int answerCount, Long acceptedAnswerId,
                      ComplaintStatus complaintStatus, Integer rating, Boolean wouldBuyAgain, Instant evaluatedAt,
                      Instant createdAt, Instant updatedAt, int version, Instant editedAt,
                      Instant deletedAt, String bodyHtml, Integer renderVersion, Long duplicateOf) {

    static final String COLUMNS = "id, brand_id, post_type, parent_id, author_id, title, body, topic_id, store_id, "
        + "publication, official, show_author, score, up_votes, down_votes, answer_count, accepted_answer_id, "
        + "complaint_status, rating, would_buy_again, evaluated_at, created_at, updated_at, version, edited_at, deleted_at, "
        + "body_html, render_version, duplicate_of";

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public boolean isPublished() {
        return publication == PublicationState.PUBLISHED;
    }

    static PostRow map(ResultSet rs) throws SQLException {
        String status = rs.getString("complaint_status");
        return new PostRow(rs.getLong("id"), rs.getLong("brand_id"), PostType.valueOf(rs.getString("post_type")),
            Sql.nullableLong(rs, "parent_id"), rs.getLong("author_id"), rs.getString("title"), rs.getString("body"),
            Sql.nullableLong(rs, "topic_id"), Sql.nullableLong(rs, "store_id"),
            PublicationState.valueOf(rs.getString("publication")), rs.getBoolean("official"),
            rs.getBoolean("show_author"), rs.getInt("score"), rs.getInt("up_votes"), rs.getInt("down_votes"),
            rs.getInt("answer_count"), Sql.nullableLong(rs, "accepted_answer_id"),
            status == null ? null : ComplaintStatus.valueOf(status), Sql.nullableInt(rs, "rating"),
            Sql.nullableBoolean(rs, "would_buy_again"), Sql.instant(rs, "evaluated_at"),
            Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), rs.getInt("version"),
            Sql.instant(rs, "edited_at"), Sql.instant(rs, "deleted_at"),
            rs.getString("body_html"), Sql.nullableInt(rs, "render_version"), Sql.nullableLong(rs, "duplicate_of"));
    }
}
