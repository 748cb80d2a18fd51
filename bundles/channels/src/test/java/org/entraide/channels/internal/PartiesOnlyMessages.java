package org.entraide.channels.internal;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.entraide.api.localmanagers.PrivateMessages;
import org.entraide.api.platform.ComplaintFacts;
import org.entraide.api.platform.MemberFacts;
import org.entraide.api.platform.PostFacts;
import org.entraide.api.problem.ProblemException;
import org.entraide.core.internal.platform.PlatformReads;

/**
 * Local managers' private messages as the channels plugin sees them (local managers' own tests cover the real one):
 * the complainant and a manager of the complaint's store only (the assigned manager and the region's managers once the
 * test set an assignment, and the brand's admins once it reached the central team), as the real one allows; records
 * what is sent.
 */
final class PartiesOnlyMessages implements PrivateMessages {
    record Sent(long complaintId, long authorId, String text) {
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final PlatformReads platform;
    /** Once the test set a complaint's assignment, who handles it writes, as local managers allow. */
    final FixedAssignments assignments = new FixedAssignments();

    PartiesOnlyMessages(PlatformReads platform) {
        this.platform = platform;
    }

    @Override
    public long send(Connection c, long brandId, long complaintId, long authorId, String text) {
        PostFacts post = platform.post(c, brandId, complaintId).orElseThrow(() -> ProblemException.notFound("no complaint"));
        ComplaintFacts facts = platform.complaints(c, brandId, List.of(complaintId)).get(complaintId);
        MemberFacts author = platform.member(c, brandId, authorId).orElseThrow();
        var assigned = assignments.of(c, brandId, complaintId);
        boolean handles = assigned.map(a -> a.handledBy(authorId) || (a.level() == org.entraide.api.localmanagers.Assignment.Level.CENTRAL
                && author.roles().contains(org.entraide.api.model.Role.BRAND_ADMIN)))
            .orElse(author.managedStoreIds().contains(facts.storeId()));
        if (post.authorId() != authorId && !handles) {
            throw ProblemException.forbidden("only the complainant and the manager the complaint is assigned to");
        }
        if (text.isBlank() || text.length() > 2000) {
            throw ProblemException.badRequest("text: 1 to 2000 characters");
        }
        sent.add(new Sent(complaintId, authorId, text));
        return sent.size();
    }

    @Override
    public void hide(Connection c, long brandId, long messageId) {
    }
}
