package org.entraide.api.event;

import java.util.List;

/** The records of the events the core appends, one per type name, for plugins that read them all (webhooks). */
public final class CoreEvents {
    public static final List<Class<? extends Event>> ALL = List.of(PostSubmitted.class, PostPublished.class,
        PostHidden.class, PostRejected.class, PostEdited.class, PostDeleted.class, ComplaintFiled.class, ComplaintPublished.class, ComplaintMoved.class, ComplaintResponded.class,
        ComplaintResolved.class, ComplaintUnresolved.class, ComplaintReopened.class, AnswerAccepted.class,
        AnswerUnaccepted.class, VoteCast.class, VoteChanged.class, VoteRetracted.class, MemberRegistered.class,
        RoleGranted.class, RoleRevoked.class, QuestionClosedAsDuplicate.class, CommentPosted.class, CommentEdited.class,
        CommentDeleted.class, CommentModerated.class, AnswerStaffNoted.class);

    private CoreEvents() {
    }

    /** The record of the core event named {@code type}, or null for another (a plugin's) event. */
    public static Class<? extends Event> recordOf(String type) {
        for (Class<? extends Event> c : ALL) {
            if (c.getAnnotation(EventType.class).name().equals(type)) {
                return c;
            }
        }
        return null;
    }
}
