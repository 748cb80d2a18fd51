package org.entraide.core.internal.post;

import java.time.Clock;

import org.entraide.api.event.EventLog;
import org.entraide.api.event.QuestionClosedAsDuplicate;
import org.entraide.api.model.Brand;
import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;
import org.entraide.api.model.Role;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.reputation.ReputationLookup;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.db.Database;
import org.entraide.jdbc.Sql;

/**
 * Closing a question as a duplicate of another: moderators, brand admins and members holding the reputation plugin's
 * {@code close-duplicate} privilege (its threshold is the brand's). The duplicate keeps its answers and votes; its page sends readers to the original. Once
 * closed it stays so: a second closing is a conflict, and a duplicate is never an original (readers would go round).
 */
public final class Duplicates {
    /** A question's original, or none: {@code original} is null when the question is no duplicate. */
    public record Duplicate(long questionId, Original original) {
    }

    public record Original(long id, String title, boolean accepted) {
    }

    private final Database db;
    private final Posts posts;
    private final EventLog events;
    private final Clock clock;
    private final Privileges privileges;

    public Duplicates(Database db, Posts posts, EventLog events, Clock clock, Privileges privileges) {
        this.db = db;
        this.posts = posts;
        this.events = events;
        this.clock = clock;
        this.privileges = privileges;
    }

    /** Whether the caller may close the brand's questions as duplicates. */
    public boolean mayClose(Caller caller, long brandId) {
        return caller != null && caller.brandId() == brandId && (caller.has(Role.MODERATOR) || caller.has(Role.BRAND_ADMIN)
            || privileges.holds(brandId, caller.userId(), ReputationLookup.CLOSE_AS_DUPLICATE));
    }

    public Duplicate of(Brand brand, long questionId) {
        return db.inTransaction(c -> {
            PostRow q = posts.require(c, brand.id(), questionId, PostType.QUESTION, false);
            if (q.publication() != PublicationState.PUBLISHED || q.deletedAt() != null) {
                throw ProblemException.notFound("no question " + questionId);
            }
            Long original = duplicateOf(c, questionId);
            if (original == null) {
                return new Duplicate(questionId, null);
            }
            return new Duplicate(questionId, original(c, brand.id(), original));
        });
    }

    /** A duplicate's original as readers see it named. */
    Original original(java.sql.Connection c, long brandId, long originalId) {
        PostRow o = posts.require(c, brandId, originalId, PostType.QUESTION, false);
        return new Original(o.id(), o.title(), o.acceptedAnswerId() != null);
    }

    public Duplicate close(Caller caller, Brand brand, long questionId, long originalId) {
        Visibility.requireBrand(caller, brand.id(), brand.slug());
        if (!mayClose(caller, brand.id())) {
            throw ProblemException.forbidden("moderators, brand admins and members with the close-duplicate privilege "
                + "close questions as duplicates");
        }
        if (questionId == originalId) {
            throw ProblemException.invalid("originalId", "another question than this one");
        }
        db.inTransaction(c -> {
            PostRow q = posts.require(c, brand.id(), questionId, PostType.QUESTION, true);
            PostRow o = posts.require(c, brand.id(), originalId, PostType.QUESTION, false);
            if (o.publication() != PublicationState.PUBLISHED || o.deletedAt() != null) {
                throw ProblemException.invalid("originalId", "a published question of the brand");
            }
            if (q.deletedAt() != null || q.publication() != PublicationState.PUBLISHED) {
                throw ProblemException.conflict("only a published question is closed as a duplicate");
            }
            if (duplicateOf(c, questionId) != null) {
                throw ProblemException.conflict("this question is already closed as a duplicate");
            }
            if (duplicateOf(c, originalId) != null) {
                throw ProblemException.invalid("originalId", "a question that is no duplicate itself");
            }
            Sql.update(c, "UPDATE post SET duplicate_of = ? WHERE id = ?", originalId, questionId);
            posts.touch(c, questionId, clock.instant());
            events.append(c, brand.id(), caller.userId(), questionId,
                new QuestionClosedAsDuplicate(questionId, originalId, caller.userId()));
            return null;
        });
        return of(brand, questionId);
    }

    private static Long duplicateOf(java.sql.Connection c, long id) {
        // Sql.one takes no null value: none is 0
        long original = Sql.one(c, "SELECT COALESCE(duplicate_of, 0) FROM post WHERE id = ?", rs -> rs.getLong(1), id).orElse(0L);
        return original == 0 ? null : original;
    }
}
