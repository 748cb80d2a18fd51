package org.entraide.core.internal.post;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.entraide.api.event.AnswerStaffNoted;
import org.entraide.api.event.EventLog;
import org.entraide.api.model.Brand;
import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;
import org.entraide.api.model.Role;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.content.ContentRenderer;
import org.entraide.core.internal.db.Database;
import org.entraide.jdbc.Sql;

/**
 * A brand's official note on a public answer ("this is no longer our policy since March"): community answers are
 * not the brand's truth, and the brand says so where readers look, above the answer. One note per answer, written
 * by the brand's official voice (its admins, or a key acting for the brand), never by members or moderators, whose
 * word is not the brand's. The Markdown is rendered and sanitized once, when written, like a post's body.
 */
public final class StaffNotes {
    public static final int BODY_MAX = 2000;

    /** A note as every reader of the thread sees it; {@code voice} introduces it, in French and English. */
    public record StaffNoteView(String body, String bodyHtml, Map<String, String> voice, Instant updatedAt) {
    }

    private final Database db;
    private final Posts posts;
    private final EventLog events;
    private final ContentRenderer renderer;
    private final Clock clock;

    public StaffNotes(Database db, Posts posts, EventLog events, ContentRenderer renderer, Clock clock) {
        this.db = db;
        this.posts = posts;
        this.events = events;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** Writes or replaces the note on an answer of the brand. */
    public StaffNoteView put(Caller caller, Brand brand, long answerId, String body) {
        requireVoice(caller, brand);
        if (body == null || body.isBlank() || body.length() > BODY_MAX) {
            throw ProblemException.invalid("body", "1 to " + BODY_MAX + " characters");
        }
        String html = renderer.toHtml(body);
        String fr = "Note officielle — " + brand.name();
        String en = "Official note — " + brand.name();
        return db.inTransaction(c -> {
            PostRow answer = publicAnswer(c, brand, answerId);
            Instant now = clock.instant();
            int changed = Sql.update(c, "UPDATE staff_note SET body = ?, body_html = ?, render_version = ?, author_id = ?, "
                + "voice_fr = ?, voice_en = ?, updated_at = ? WHERE answer_id = ?", body, html, ContentRenderer.VERSION,
                caller.userId(), fr, en, now, answerId);
            if (changed == 0) {
                Sql.update(c, "INSERT INTO staff_note (answer_id, brand_id, body, body_html, render_version, author_id, "
                    + "voice_fr, voice_en, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", answerId, brand.id(), body, html,
                    ContentRenderer.VERSION, caller.userId(), fr, en, now);
            }
            // the question's page shows the note: its cached copies and lists see a change
            posts.touch(c, answer.parentId(), now);
            events.append(c, brand.id(), caller.userId(), answerId,
                new AnswerStaffNoted(answerId, answer.parentId(), answer.authorId(), caller.userId(), false));
            return new StaffNoteView(body, html, Map.of("fr", fr, "en", en), now);
        });
    }

    /** Takes the note off an answer of the brand; 404 when it has none. */
    public void remove(Caller caller, Brand brand, long answerId) {
        requireVoice(caller, brand);
        db.inTransaction(c -> {
            PostRow answer = posts.require(c, brand.id(), answerId, PostType.ANSWER, true);
            if (Sql.update(c, "DELETE FROM staff_note WHERE answer_id = ?", answerId) == 0) {
                throw ProblemException.notFound("answer " + answerId + " has no staff note");
            }
            posts.touch(c, answer.parentId(), clock.instant());
            events.append(c, brand.id(), caller.userId(), answerId,
                new AnswerStaffNoted(answerId, answer.parentId(), answer.authorId(), caller.userId(), true));
            return null;
        });
    }

    /** The notes of these answers, in one statement whatever their number. */
    Map<Long, StaffNoteView> of(Connection c, Collection<Long> answerIds) {
        Map<Long, StaffNoteView> out = new HashMap<>();
        if (answerIds.isEmpty()) {
            return out;
        }
        String in = answerIds.stream().map(id -> "?").collect(Collectors.joining(", ", " IN (", ")"));
        Sql.list(c, "SELECT answer_id, body, body_html, render_version, voice_fr, voice_en, updated_at FROM staff_note "
            + "WHERE answer_id" + in, rs -> {
                String body = rs.getString("body");
                // a note of another renderer's version is rendered again in memory, so no reader sees an older policy
                String html = rs.getInt("render_version") == ContentRenderer.VERSION ? rs.getString("body_html")
                    : renderer.toHtml(body);
                out.put(rs.getLong("answer_id"), new StaffNoteView(body, html,
                    Map.of("fr", rs.getString("voice_fr"), "en", rs.getString("voice_en")), Sql.instant(rs, "updated_at")));
                return null;
            }, answerIds.toArray());
        return out;
    }

    private PostRow publicAnswer(Connection c, Brand brand, long answerId) {
        PostRow answer = posts.require(c, brand.id(), answerId, PostType.ANSWER, true);
        if (answer.publication() != PublicationState.PUBLISHED || answer.deletedAt() != null) {
            throw ProblemException.conflict("only a public answer takes a staff note");
        }
        return answer;
    }

    /** The brand's official voice: its admins. Moderators keep order; they do not speak for the brand. */
    private static void requireVoice(Caller caller, Brand brand) {
        Visibility.requireBrand(caller, brand.id(), brand.slug());
        if (!caller.has(Role.BRAND_ADMIN)) {
            throw ProblemException.forbidden("only the brand's official voice (its admins) writes staff notes");
        }
    }
}
