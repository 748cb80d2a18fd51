package org.entraide.core.internal.post;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.entraide.api.event.EventLog;
import org.entraide.api.event.EventTypes;
import org.entraide.api.event.NewEvent;
import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;
import org.entraide.api.plugin.Publications;
import org.entraide.api.problem.ProblemException;
import org.entraide.core.internal.db.Database;
import org.entraide.core.internal.db.Sql;

/** Publication changes decided after submission, each with its event; answer counts follow what is public. */
public final class PostPublications implements Publications {
    private final Database db;
    private final Posts posts;
    private final EventLog events;
    private final Clock clock;

    public PostPublications(Database db, Posts posts, EventLog events, Clock clock) {
        this.db = db;
        this.posts = posts;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void change(long brandId, long postId, PublicationState to, Long actorId, String reason) {
        if (to == PublicationState.PENDING_REVIEW) {
            throw new IllegalArgumentException("a post goes back to review through a submission step, not here");
        }
        db.inTransaction(c -> {
            PostRow p = posts.lock(c, postId).filter(r -> r.brandId() == brandId)
                .orElseThrow(() -> ProblemException.notFound("no post " + postId));
            if (p.publication() == to) {
                return null;
            }
            Sql.update(c, "UPDATE post SET publication = ? WHERE id = ?", to, postId);
            posts.touch(c, postId, clock.instant());
            if (p.type() == PostType.ANSWER && (p.isPublished() || to == PublicationState.PUBLISHED)) {
                Sql.update(c, "UPDATE post SET answer_count = answer_count + ? WHERE id = ?", p.isPublished() ? -1 : 1,
                    p.parentId());
            }
            Map<String, Object> payload = new HashMap<>();
            payload.put("postId", postId);
            payload.put("postType", p.type().name());
            payload.put("authorId", p.authorId());
            payload.put("from", p.publication().name());
            payload.put("to", to.name());
            if (reason != null) {
                payload.put("reason", reason);
            }
            String type = switch (to) {
                case PUBLISHED -> EventTypes.POST_PUBLISHED;
                case REJECTED -> EventTypes.POST_REJECTED;
                default -> EventTypes.POST_HIDDEN;
            };
            events.append(c, NewEvent.of(brandId, type, actorId, EventTypes.SUBJECT_POST, postId, payload));
            return null;
        });
    }
}
