package org.entraide.core.internal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.entraide.api.event.ComplaintMoved;
import org.entraide.api.model.ComplaintStatus;
import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;
import org.entraide.api.model.Role;
import org.entraide.api.platform.Contributions;
import org.entraide.api.platform.ComplaintFacts;
import org.entraide.api.platform.MemberFacts;
import org.entraide.api.platform.PostFacts;
import org.entraide.api.platform.PostText;
import org.entraide.api.problem.ProblemException;
import org.entraide.core.internal.support.ApiScenarios;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Outbox;
import org.junit.jupiter.api.Test;

/** The platform services plugins read and command the core through, each scoped by brand. */
public abstract class PlatformScenarios extends ApiScenarios {
    @Test
    void postsAreReadWithTheirPublicationTopicStoreAndTagsWithinTheirBrand() {
        Member asker = community.join("demo");
        long demo = server.core.brands.require("demo").id();
        long q = community.ask(asker, "demo", "Horaires du dimanche ?", "Le magasin ouvre-t-il ?", "livraison", List.of("horaires"))
            .json().get("id").asLong();
        PostFacts facts = server.core.db.inTransaction(c -> server.core.platform.post(c, demo, q)).orElseThrow();
        assertEquals(PostType.QUESTION, facts.type());
        assertEquals(PublicationState.PUBLISHED, facts.publication());
        assertEquals(asker.id(), facts.authorId());
        assertEquals(List.of("horaires"), facts.tags());
        assertTrue(facts.topicId() != null, "its topic: " + facts);
        assertTrue(server.core.db.inTransaction(c -> server.core.platform.post(c, demo + 999, q)).isEmpty(),
            "another brand does not see it");
    }

    @Test
    void publicPostsAreThoseEveryoneMayReadWithAnAnswersQuestionTitleAndTags() {
        Member asker = community.join("demo");
        Member answerer = community.join("demo");
        long demo = server.core.brands.require("demo").id();
        long q = community.ask(asker, "demo", "Colle pour carrelage ?", "Pour de la faïence murale.", "livraison",
            List.of("carrelage")).json().get("id").asLong();
        long a = community.answer(answerer, "demo", q, "Une colle en pâte prête à l'emploi.").json().get("id").asLong();
        assertEquals(200, community.accept(asker, "demo", q, a).status());
        var answer = server.core.db.inTransaction(c -> server.core.platform.publicPost(c, demo, a)).orElseThrow();
        assertEquals("Colle pour carrelage ?", answer.title(), "an answer carries its question's title");
        assertEquals(List.of("carrelage"), answer.tags(), "and its question's tags");
        assertTrue(answer.accepted(), "the accepted answer says so");
        assertTrue(server.core.db.inTransaction(c -> server.core.platform.publicPost(c, demo, q)).orElseThrow().accepted(),
            "a question with an accepted answer says so");
        List<Long> page = server.core.db.inTransaction(c -> server.core.platform.publicPosts(c, demo, q - 1, 1000))
            .stream().map(p -> p.id()).toList();
        assertTrue(page.contains(q) && page.contains(a), "a page by id holds both: " + page);
        assertTrue(server.core.db.inTransaction(c -> server.core.platform.publicPost(c, demo + 999, q)).isEmpty(),
            "another brand's id is not found");
        server.core.publications.change(demo, q, PublicationState.HIDDEN, asker.id(), "test");
        assertTrue(server.core.db.inTransaction(c -> server.core.platform.publicPost(c, demo, q)).isEmpty(), "hidden");
        assertTrue(server.core.db.inTransaction(c -> server.core.platform.publicPost(c, demo, a)).isEmpty(),
            "the answer of a hidden question is not public either");
        assertTrue(server.core.db.inTransaction(c -> server.core.platform.publicAnswers(c, demo, q)).isEmpty());
        assertTrue(server.core.db.inTransaction(c -> server.core.platform.all(c)).stream().anyMatch(b -> b.id() == demo));
    }

    @Test
    void aPostsTextAndItsAuthorsActivityAreReadWithinTheirBrand() {
        Member asker = community.join("demo");
        long demo = server.core.brands.require("demo").id();
        long q = community.ask(asker, "demo", "Horaires du lundi ?", "Le magasin ouvre-t-il le lundi ?", "livraison", List.of())
            .json().get("id").asLong();
        PostText text = server.core.db.inTransaction(c -> server.core.platform.text(c, demo, q)).orElseThrow();
        assertEquals("Le magasin ouvre-t-il le lundi ?", text.body());
        assertTrue(text.authorShown());
        assertTrue(server.core.db.inTransaction(c -> server.core.platform.text(c, demo + 999, q)).isEmpty());
        java.time.Instant before = java.time.Instant.now().minus(java.time.Duration.ofHours(1));
        assertEquals(1L, (long) server.core.db.inTransaction(c -> server.core.platform.countByAuthor(c, demo, asker.id(),
            PublicationState.PUBLISHED, before, text.body())));
        assertEquals(0L, (long) server.core.db.inTransaction(c -> server.core.platform.countByAuthor(c, demo, asker.id(),
            PublicationState.HIDDEN, null, null)));
        assertEquals(0L, (long) server.core.db.inTransaction(c -> server.core.platform.countByAuthor(c, demo, asker.id(), null, null,
            "another text")));
        assertEquals(0L, (long) server.core.db.inTransaction(c -> server.core.platform.countByAuthor(c, demo + 999, asker.id(), null,
            null, null)), "another brand counts none");
        assertTrue(server.core.db.inTransaction(c -> server.core.platform.registeredAt(c, demo, asker.id())).orElseThrow()
            .isBefore(java.time.Instant.now().plusSeconds(1)));
        assertTrue(server.core.db.inTransaction(c -> server.core.platform.registeredAt(c, demo + 999, asker.id())).isEmpty());
    }

    @Test
    void aContributionOnAMembersBehalfGoesThroughTheSamePathAsThePage() {
        Member asker = community.join("demo");
        Member answerer = community.join("demo");
        long demo = server.core.brands.require("demo").id();
        long q = community.ask(asker, "demo", "Quelle colle pour du bois ?", "Pour une chaise.", "livraison", List.of())
            .json().get("id").asLong();
        org.entraide.api.plugin.SubmissionStep step = new org.entraide.api.plugin.SubmissionStep() {
            @Override
            public String capability() {
                return null;
            }

            @Override
            public int order() {
                return 200;
            }

            @Override
            public org.entraide.api.plugin.Submission apply(org.entraide.api.plugin.Submission sub) {
                String body = sub.body() == null ? "" : sub.body();
                return body.contains("[contrib-hold]") ? sub.withState(PublicationState.PENDING_REVIEW, "lien suspect")
                    : body.contains("[contrib-refuse]") ? sub.withState(PublicationState.REJECTED, "propos interdits") : sub;
            }
        };
        server.core.pipeline.add(step);
        try {
            Contributions.Outcome ok = server.core.db.inTransaction(c -> server.core.contributions.answer(c, demo, answerer.id(), q,
                "  Une colle vinylique D3.\u202e  "));
            assertEquals(Contributions.Status.PUBLISHED, ok.status(), ok.toString());
            PostFacts answer = server.core.db.inTransaction(c -> server.core.platform.post(c, demo, ok.postId())).orElseThrow();
            assertEquals(PostType.ANSWER, answer.type());
            assertEquals(answerer.id(), answer.authorId());
            assertEquals("Une colle vinylique D3.", server.core.db.inTransaction(c -> server.core.platform.text(c, demo,
                ok.postId())).orElseThrow().body(), "cleaned as a request body is");
            assertEquals(1, http.get("/api/v1/brands/demo/questions/" + q, null).json().get("answerCount").asInt());

            Contributions.Outcome held = server.core.db.inTransaction(c -> server.core.contributions.answer(c, demo, answerer.id(), q,
                "Voyez [contrib-hold]"));
            assertEquals(Contributions.Status.HELD, held.status());
            assertTrue(held.postId() > 0);

            for (var refused : List.of(
                    server.core.db.inTransaction(c -> server.core.contributions.answer(c, demo, answerer.id(), q, "Des [contrib-refuse]")),
                    server.core.db.inTransaction(c -> server.core.contributions.answer(c, demo, answerer.id(), 999_999, "Du bois")),
                    server.core.db.inTransaction(c -> server.core.contributions.answer(c, demo + 999, answerer.id(), q, "Du bois")),
                    server.core.db.inTransaction(c -> server.core.contributions.answer(c, demo, answerer.id(), q, " \u0007 ")),
                    server.core.db.inTransaction(c -> server.core.contributions.answer(c, demo, answerer.id(), q, "x".repeat(20_001))))) {
                assertEquals(Contributions.Status.REFUSED, refused.status(), refused.toString());
                assertEquals(0, refused.postId());
                assertTrue(refused.reason() != null && !refused.reason().isBlank(), refused.toString());
            }
            assertEquals(1, http.get("/api/v1/brands/demo/questions/" + q, null).json().get("answerCount").asInt(),
                "only the published one counts");
        } finally {
            server.core.pipeline.remove(step);
        }
    }

    @Test
    void membersAndStoresAreReadWithinTheirBrand() {
        long demo = server.core.brands.require("demo").id();
        Member manager = community.demo("manager");
        MemberFacts m = server.core.db.inTransaction(c -> server.core.platform.member(c, demo, manager.id())).orElseThrow();
        assertTrue(m.has(Role.STORE_MANAGER), m.toString());
        assertEquals("manager@demo.example", m.email());
        long lyon = server.core.db.inTransaction(c -> server.core.platform.byCode(c, demo, "LYON-PARTDIEU")).orElseThrow().id();
        assertEquals(Set.of(lyon), m.managedStoreIds());
        assertEquals(List.of(manager.id()), server.core.db.inTransaction(c -> server.core.platform.storeManagers(c, demo, lyon))
            .stream().map(MemberFacts::id).toList());
        assertTrue(server.core.db.inTransaction(c -> server.core.platform.member(c, demo + 999, manager.id())).isEmpty());
        assertTrue(server.core.db.inTransaction(c -> server.core.platform.byId(c, demo + 999, lyon)).isEmpty());
        assertEquals(List.of(), server.core.db.inTransaction(c -> server.core.platform.storeManagers(c, demo + 999, lyon)));
    }

    @Test
    void membersOfARoleAndBrandsByIdAreReadWithinTheirBrand() {
        long demo = server.core.brands.require("demo").id();
        Member moderator = community.demo("moderator");
        community.join("demo");
        List<MemberFacts> moderators = server.core.db.inTransaction(c -> server.core.platform.withRole(c, demo, Role.MODERATOR, 10));
        assertEquals(List.of(moderator.id()), moderators.stream().map(MemberFacts::id).toList());
        assertTrue(moderators.get(0).has(Role.MODERATOR));
        assertTrue(server.core.db.inTransaction(c -> server.core.platform.withRole(c, demo + 999, Role.MODERATOR, 10)).isEmpty());
        assertEquals(List.of(), server.core.db.inTransaction(c -> server.core.platform.withRole(c, demo, Role.MODERATOR, 0)));
        assertEquals("demo", server.core.db.inTransaction(c -> server.core.platform.byId(c, demo)).orElseThrow().slug());
        assertTrue(server.core.db.inTransaction(c -> server.core.platform.byId(c, demo + 999)).isEmpty());
    }

    @Test
    void aComplaintMovedToAnotherStoreIsOneChangeWithItsEvent() {
        long demo = server.core.brands.require("demo").id();
        Member customer = community.join("demo");
        long complaint = community.complaintId(customer, "LYON-PARTDIEU", false);
        long paris = server.core.db.inTransaction(c -> server.core.platform.byCode(c, demo, "PARIS-BERCY")).orElseThrow().id();
        long from = outbox.lastId();
        Member admin = community.demo("admin");
        server.core.db.inTransaction(c -> {
            server.core.complaintMoves.moveToStore(c, demo, complaint, paris, admin.id(), "wrong store");
            return null;
        });
        assertEquals("PARIS-BERCY", community.http().get("/api/v1/brands/demo/complaints/" + complaint, null).json()
            .get("store").get("code").asText(), "the complaint is about its new store");
        List<Outbox.Event> events = outbox.after(from);
        assertEquals(List.of("complaint.moved"), events.stream().map(Outbox.Event::type).toList());
        assertEquals("PARIS-BERCY", events.get(0).payload().get("storeCode").asText());
        assertTrue(ComplaintMoved.class.isRecord());

        assertEquals(404, assertThrows(ProblemException.class, () -> server.core.db.inTransaction(c -> {
            server.core.complaintMoves.moveToStore(c, demo + 999, complaint, paris, null, "another brand");
            return null;
        })).status(), "another brand's complaint is not found");
        server.core.db.inTransaction(c -> {
            server.core.complaintMoves.moveToStore(c, demo, complaint, paris, null, "again");
            return null;
        });
        assertEquals(1, outbox.after(from).size(), "moving it where it is changes nothing");
    }

    @Test
    void aPageOfComplaintsIsReadInOneCallWithItsStatusAndStoreWithinItsBrand() {
        long demo = server.core.brands.require("demo").id();
        Member customer = community.join("demo");
        long complaint = community.complaintId(customer, "LYON-PARTDIEU", false);
        long question = community.ask(customer, "demo", "Horaires du mardi ?", "Le magasin ouvre-t-il le mardi ?", "livraison",
            List.of()).json().get("id").asLong();
        long lyon = server.core.db.inTransaction(c -> server.core.platform.byCode(c, demo, "LYON-PARTDIEU")).orElseThrow().id();
        java.util.Map<Long, ComplaintFacts> found = server.core.db.inTransaction(c -> server.core.platform.complaints(c, demo,
            List.of(complaint, question, complaint, 987654L)));
        assertEquals(Set.of(complaint), found.keySet(), "only the complaint, once; the question and the unknown id left out");
        ComplaintFacts f = found.get(complaint);
        assertEquals(ComplaintStatus.OPEN, f.status());
        assertEquals(lyon, f.storeId());
        assertEquals(PublicationState.PUBLISHED, f.publication());
        assertTrue(f.title() != null && !f.title().isBlank(), f.toString());
        assertTrue(server.core.db.inTransaction(c -> server.core.platform.complaints(c, demo + 999, List.of(complaint))).isEmpty(),
            "another brand does not see it");
        assertTrue(server.core.db.inTransaction(c -> server.core.platform.complaints(c, demo, List.of())).isEmpty());
    }

    @Test
    void membersAreFoundByEmailAndReadInOneCallWithinTheirBrand() {
        long demo = server.core.brands.require("demo").id();
        Member manager = community.demo("manager");
        Member customer = community.join("demo");
        assertEquals(manager.id(), server.core.db.inTransaction(c -> server.core.platform.byEmail(c, demo,
            "  Manager@Demo.EXAMPLE ")).orElseThrow().id(), "compared as at sign-in");
        assertTrue(server.core.db.inTransaction(c -> server.core.platform.byEmail(c, demo + 999, "manager@demo.example")).isEmpty(),
            "another brand has no such member");
        assertTrue(server.core.db.inTransaction(c -> server.core.platform.byEmail(c, demo, "nobody@demo.example")).isEmpty());
        assertTrue(server.core.db.inTransaction(c -> server.core.platform.byEmail(c, demo, null)).isEmpty());

        java.util.Map<Long, MemberFacts> found = server.core.db.inTransaction(c -> server.core.platform.members(c, demo,
            List.of(manager.id(), customer.id(), 987654L)));
        assertEquals(Set.of(manager.id(), customer.id()), found.keySet());
        MemberFacts one = server.core.db.inTransaction(c -> server.core.platform.member(c, demo, manager.id())).orElseThrow();
        assertEquals(one, found.get(manager.id()), "the same facts as read one by one");
        assertTrue(found.get(customer.id()).managedStoreIds().isEmpty());
        assertTrue(server.core.db.inTransaction(c -> server.core.platform.members(c, demo + 999, List.of(manager.id()))).isEmpty(),
            "another brand's members are left out");
    }
}
