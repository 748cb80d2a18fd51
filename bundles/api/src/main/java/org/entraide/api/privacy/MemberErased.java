package org.entraide.api.privacy;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventType;
import org.entraide.api.event.EventTypes;

/**
 * A member closed their account: every bundle's {@link PersonalData} already erased what it held, in the transaction
 * that appended this event. Subscribers that keep copies elsewhere (a search index on each node, a brand's CRM through
 * webhooks) erase theirs. The payload holds the account's id only, which no longer names anybody.
 */
@EventType(name = MemberErased.TYPE, subject = EventTypes.SUBJECT_USER)
public record MemberErased(long userId) implements Event {
    public static final String TYPE = "user.erased";
}
