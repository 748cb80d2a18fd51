package org.entraide.api.event;

/** Names of the core's domain events, the contract between the core and the plugins that subscribe. */
public final class EventTypes {
    public static final String USER_REGISTERED = "user.registered";
    public static final String ROLE_GRANTED = "role.granted";
    public static final String ROLE_REVOKED = "role.revoked";
    public static final String POST_SUBMITTED = "post.submitted";
    public static final String POST_PUBLISHED = "post.published";
    public static final String POST_REJECTED = "post.rejected";
    public static final String POST_HIDDEN = "post.hidden";
    public static final String ANSWER_ACCEPTED = "answer.accepted";
    public static final String ANSWER_UNACCEPTED = "answer.unaccepted";
    public static final String VOTE_CAST = "vote.cast";
    public static final String VOTE_CHANGED = "vote.changed";
    public static final String VOTE_RETRACTED = "vote.retracted";
    public static final String COMPLAINT_FILED = "complaint.filed";
    public static final String COMPLAINT_RESPONDED = "complaint.responded";
    public static final String COMPLAINT_RESOLVED = "complaint.resolved";
    public static final String COMPLAINT_UNRESOLVED = "complaint.unresolved";
    /** The complainant reopened an evaluated complaint (within 30 days). Payload: complaintId, previous, storeId. */
    public static final String COMPLAINT_REOPENED = "complaint.reopened";

    /** Subject types: what {@link DomainEvent#subjectId()} points at. */
    public static final String SUBJECT_USER = "user";
    public static final String SUBJECT_POST = "post";

    private EventTypes() {
    }
}
