package org.entraide.incidents.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.entraide.api.event.EventLog;
import org.entraide.api.incidents.IncidentClosed;
import org.entraide.api.incidents.IncidentDeclared;
import org.entraide.api.incidents.IncidentUpdated;
import org.entraide.api.incidents.StatementPublished;
import org.entraide.api.platform.PostFacts;
import org.entraide.api.platform.Posts;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.storage.Transactions;
import org.entraide.api.text.Markdown;
import org.entraide.incidents.internal.detect.Proposals;
import org.entraide.incidents.internal.store.HourlyCounts;
import org.entraide.incidents.internal.store.Incident;
import org.entraide.incidents.internal.store.IncidentStore;
import org.entraide.incidents.internal.store.IncidentStore.Description;
import org.entraide.incidents.internal.store.Items;
import org.entraide.incidents.internal.store.Statements;

/** The writes on incidents, each in one transaction with its event; authorization is the caller's (the endpoints'). */
public final class IncidentService {
    /** What a bulk attachment did: posts attached now, and those refused with why. */
    public record Attached(List<Long> attached, List<Refusal> refused) {
    }

    public record Refusal(long postId, String reason) {
    }

    private final Transactions tx;
    private final EventLog events;
    private final Posts posts;
    private final Markdown markdown;
    private final Clock clock;
    private final IncidentStore incidents;
    private final Statements statements;
    private final Items items;
    private final Attachments attachments;
    private final ComplaintClosing closing;
    private final Proposals proposals;
    private final HourlyCounts counts;

    public IncidentService(Transactions tx, EventLog events, Posts posts, Markdown markdown, Clock clock,
                           IncidentStore incidents, Statements statements, Items items, Attachments attachments,
                           ComplaintClosing closing, Proposals proposals, HourlyCounts counts) {
        this.proposals = proposals;
        this.counts = counts;
        this.tx = tx;
        this.events = events;
        this.posts = posts;
        this.markdown = markdown;
        this.clock = clock;
        this.incidents = incidents;
        this.statements = statements;
        this.items = items;
        this.attachments = attachments;
        this.closing = closing;
    }

    public Incident declare(long brandId, Description d, Long proposalId, long by) {
        return tx.inTransaction(c -> {
            Proposals.Proposal proposal = proposalId == null ? null : proposals.lock(c, brandId, proposalId)
                .orElseThrow(() -> ProblemException.notFound("no such proposal"));
            if (proposal != null && !"OPEN".equals(proposal.status())) {
                throw ProblemException.conflict("the proposal became an incident already");
            }
            long id = incidents.insert(c, brandId, d, proposalId, by, clock.instant());
            events.append(c, brandId, by, id, new IncidentDeclared(id, d.title(), d.theme(), d.storeIds(), d.regions(),
                d.startsAt().toString(), d.endsAt() == null ? null : d.endsAt().toString(), proposalId));
            Incident incident = incidents.find(c, brandId, id).orElseThrow();
            if (proposal != null) {
                proposals.accept(c, proposalId, id);
                // the grouped items the detection proposed come with it
                for (long postId : counts.posts(c, brandId, proposal.scope(), proposal.hour())) {
                    posts.post(c, brandId, postId).filter(Attachments::attachable)
                        .ifPresent(p -> attachments.attach(c, incident, p, false, by));
                }
            }
            return incident;
        });
    }

    public Incident update(long brandId, long id, Description d, long by) {
        return tx.inTransaction(c -> {
            open(incidents.lock(c, brandId, id));
            incidents.update(c, id, d);
            events.append(c, brandId, by, id, new IncidentUpdated(id, d.title(), d.theme(), d.storeIds(), d.regions(),
                d.startsAt().toString(), d.endsAt() == null ? null : d.endsAt().toString()));
            return incidents.find(c, brandId, id).orElseThrow();
        });
    }

    /** Publishes the statement (the first) or an update; the first may answer the attached complaints (the brand's choice). */
    public Statements.Statement publish(long brandId, long id, String body, Caller by) {
        return tx.inTransaction(c -> {
            Incident incident = open(incidents.lock(c, brandId, id));
            boolean update = statements.first(c, id).isPresent();
            long statementId = statements.insert(c, id, update, body, markdown.toHtml(body), by.userId(), clock.instant());
            events.append(c, brandId, by.userId(), id, new StatementPublished(id, statementId, update));
            if (!update && incident.statementAnswers()) {
                closing.statementPublished(c, incident, body, by);
            }
            return statements.of(c, id).stream().filter(s -> s.id() == statementId).findFirst().orElseThrow();
        });
    }

    public Attached attach(long brandId, long id, List<Long> postIds, long by) {
        return tx.inTransaction(c -> {
            Incident incident = open(incidents.lock(c, brandId, id));
            List<Long> done = new ArrayList<>();
            List<Refusal> refused = new ArrayList<>();
            for (long postId : postIds.stream().distinct().toList()) {
                Optional<PostFacts> post = posts.post(c, brandId, postId);
                if (post.isEmpty()) {
                    refused.add(new Refusal(postId, "not-found"));
                } else if (!Attachments.attachable(post.get())) {
                    refused.add(new Refusal(postId, "not-a-published-question-or-complaint"));
                } else if (attachments.attach(c, incident, post.get(), false, by)) {
                    done.add(postId);
                } else {
                    refused.add(new Refusal(postId, items.incidentOf(c, brandId, postId).orElse(0L) == id
                        ? "already-attached" : "attached-to-another-incident"));
                }
            }
            return new Attached(done, refused);
        });
    }

    public Incident close(long brandId, long id, String message, Caller by) {
        return tx.inTransaction(c -> {
            Incident incident = open(incidents.lock(c, brandId, id));
            incidents.close(c, id, clock.instant());
            closing.incidentClosed(c, incident, message, by);
            events.append(c, brandId, by.userId(), id, new IncidentClosed(id, items.count(c, id, null),
                items.count(c, id, "COMPLAINT")));
            return incidents.find(c, brandId, id).orElseThrow();
        });
    }

    private static Incident open(Optional<Incident> incident) {
        Incident found = incident.orElseThrow(() -> ProblemException.notFound("no such incident"));
        if (!found.isOpen()) {
            throw ProblemException.conflict("the incident is closed");
        }
        return found;
    }
}
