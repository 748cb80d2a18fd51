package org.entraide.api.localmanagers;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventType;

/**
 * A party of a complaint's private thread reported a message of the other party, for the moderators. It carries
 * what they judge: the message's text as stored (already redacted), who wrote it ({@code authorRole} "manager" with
 * the manager's pseudonym as {@code author}, or "complainant" with "complainant" as {@code author}: never the
 * complainant's identity) and the reporter's {@code reason}. {@code reportId} is the report's id in the thread's plugin;
 * {@code managerId} the manager's user id, so that a sanction can follow, and 0 for a complainant's message.
 */
@EventType(name = LocalManagerEvents.MESSAGE_REPORTED)
public record PrivateMessageReported(long complaintId, long messageId, long reportId, String text, String authorRole,
                                     String author, long managerId, String reason) implements Event {
}
