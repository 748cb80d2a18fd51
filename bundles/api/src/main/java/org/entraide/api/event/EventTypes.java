package org.entraide.api.event;

/** Names of the core's domain events, the contract between the core and the plugins that subscribe. */
public final class EventTypes {
    public static final String USER_REGISTERED = "user.registered";
    public static final String ROLE_GRANTED = "role.granted";
    public static final String ROLE_REVOKED = "role.revoked";
    /**
     * A post was stored. Payload: postId, postType, authorId, publication (the pipeline's decision), notes (why the
     * steps decided it), parentId, topicId, storeId (when set), tags.
     */
    public static final String POST_SUBMITTED = "post.submitted";
    /**
     * A post became public, on submission or after review: one shape whatever the path. Payload: as
     * {@link #POST_SUBMITTED} without notes, plus from, reason and edited when a moderator published it.
     */
    public static final String POST_PUBLISHED = "post.published";
    public static final String POST_REJECTED = "post.rejected";
    public static final String POST_HIDDEN = "post.hidden";
    /** A post's text was edited. Payload: postId, postType, authorId, byModerator, revision, publication, parentId, topicId, storeId. */
    public static final String POST_EDITED = "post.edited";
    /** Its author deleted a post (soft delete). Payload: postId, postType, authorId, publication (before), parentId, topicId, storeId. */
    public static final String POST_DELETED = "post.deleted";
    /** A question closed as a duplicate of another. Payload: questionId, originalId, closedBy. */
    public static final String QUESTION_DUPLICATE = "question.closed-as-duplicate";
    /** A staff note on an answer was written, changed or removed. Payload: answerId, questionId, answerAuthorId, notedBy, removed. */
    public static final String ANSWER_STAFF_NOTED = "answer.staff-noted";
    public static final String ANSWER_ACCEPTED = "answer.accepted";
    public static final String ANSWER_UNACCEPTED = "answer.unaccepted";
    public static final String VOTE_CAST = "vote.cast";
    public static final String VOTE_CHANGED = "vote.changed";
    public static final String VOTE_RETRACTED = "vote.retracted";
    /**
     * A complaint was stored, whatever the submission pipeline decided. Payload: complaintId, authorId, storeId and
     * storeCode (when it names a store), publication (the decision; absent from events written before it existed).
     * Stores must not act on it: a complaint held for review reaches them only once published.
     */
    public static final String COMPLAINT_FILED = "complaint.filed";
    /**
     * A complaint became public (on submission or when a moderator approved it): the moment its store learns of it
     * and its deadline starts. Payload: complaintId, storeId and storeCode when it names a store; never its author.
     */
    public static final String COMPLAINT_PUBLISHED = "complaint.published";
    /** A complaint was moved to another store of its brand. Payload: complaintId, fromStoreId, storeId, storeCode, reason. */
    public static final String COMPLAINT_MOVED = "complaint.moved";
    public static final String COMPLAINT_RESPONDED = "complaint.responded";
    public static final String COMPLAINT_RESOLVED = "complaint.resolved";
    public static final String COMPLAINT_UNRESOLVED = "complaint.unresolved";
    /** The complainant reopened an evaluated complaint (within 30 days). Payload: complaintId, previous, storeId. */
    public static final String COMPLAINT_REOPENED = "complaint.reopened";

    /**
     * A comment on a question or an answer was stored, whatever the submission pipeline decided. Payload: commentId,
     * postId (the question or answer commented on), questionId (its thread), postType, postAuthorId, authorId,
     * publication, mentionedIds (members of the brand the text names with {@code @pseudonym}, never its author).
     */
    public static final String COMMENT_POSTED = "comment.posted";
    /** A comment's author changed its text. Payload: as {@link #COMMENT_POSTED}, mentionedIds being the members it names now. */
    public static final String COMMENT_EDITED = "comment.edited";
    /**
     * A comment left the public: deleted by its author, or hidden by a moderator ({@code byModerator}). Payload:
     * commentId, postId, questionId, authorId, byModerator, publication (before).
     */
    public static final String COMMENT_DELETED = "comment.deleted";
    /**
     * A moderator decided on a comment the pipeline held, or restored a hidden one. Payload: commentId, postId,
     * questionId, postType, postAuthorId, authorId, moderatorId, from, publication (after), mentionedIds.
     */
    public static final String COMMENT_MODERATED = "comment.moderated";

    /** Subject types: what {@link DomainEvent#subjectId()} points at. */
    public static final String SUBJECT_USER = "user";
    public static final String SUBJECT_POST = "post";

    private EventTypes() {
    }
}
