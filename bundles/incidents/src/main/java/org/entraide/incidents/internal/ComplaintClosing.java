package org.entraide.incidents.internal;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import org.entraide.api.model.ComplaintStatus;
import org.entraide.api.platform.ComplaintFacts;
import org.entraide.api.platform.Complaints;
import org.entraide.api.platform.Posts;
import org.entraide.api.security.Caller;
import org.entraide.incidents.internal.store.Incident;
import org.entraide.incidents.internal.store.Items;

/**
 * What an incident does to its complaints, through the platform's official responses (so the deadlines, the ranking
 * and the complainants' notifications follow as for any response): the first statement answers the open ones when the
 * incident says so, and closing the incident answers those not yet evaluated with the closing message, which asks
 * their authors to evaluate.
 */
public final class ComplaintClosing {
    private final Posts posts;
    private final Complaints complaints;
    private final Items items;

    public ComplaintClosing(Posts posts, Complaints complaints, Items items) {
        this.posts = posts;
        this.complaints = complaints;
        this.items = items;
    }

    /** In the statement's transaction: the statement is the first response of the attached complaints still OPEN. */
    public void statementPublished(Connection c, Incident incident, String body, Caller by) {
        answer(c, incident, body, by, List.of(ComplaintStatus.OPEN));
    }

    /** In the closing's transaction: every attached complaint not yet evaluated gets the closing message. */
    public long incidentClosed(Connection c, Incident incident, String message, Caller by) {
        return answer(c, incident, message, by, List.of(ComplaintStatus.OPEN, ComplaintStatus.ANSWERED));
    }

    private long answer(Connection c, Incident incident, String body, Caller by, List<ComplaintStatus> statuses) {
        List<Long> ids = items.postIds(c, incident.id(), "COMPLAINT");
        // one read for the whole list, then one response each
        Map<Long, ComplaintFacts> facts = posts.complaints(c, incident.brandId(), ids);
        long answered = 0;
        for (long id : ids) {
            ComplaintFacts f = facts.get(id);
            if (f != null && f.isPublished() && statuses.contains(f.status())) {
                complaints.respond(c, incident.brandId(), id, by, body);
                answered++;
            }
        }
        return answered;
    }
}
