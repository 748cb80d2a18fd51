package org.entraide.reputation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javax.sql.DataSource;

import org.entraide.jdbc.Sql;
import org.entraide.reputation.internal.events.ReputationSubscriber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A post its author deletes (post.deleted) no longer earns them what votes on it gave, once, whatever the replays. */
abstract class ReputationDeletionScenarios {
    Testbed bed;
    Testbed.Member alice;
    Testbed.Member bob;
    Testbed.Member carol;

    abstract DataSource dataSource();

    void dropDatabase() {
    }

    @BeforeEach
    void start() throws Exception {
        bed = new Testbed(dataSource()).install(Testbed.settings()).enable();
        bed.letEveryoneVote();
        alice = bed.register("Alice");
        bob = bed.register("Bob");
        carol = bed.register("Carol");
    }

    @AfterEach
    void stop() {
        bed.close();
        dropDatabase();
    }

    @Test
    void deletingAnAnswerTakesBackWhatItsVotesGaveItsAuthor() {
        long q = bed.ask(alice, "Comment poser une étagère sur du placo ?");
        long a = bed.answer(bob, q);
        long kept = bed.answer(bob, q);
        bed.vote(carol, a, 1);
        bed.vote(alice, a, 1);
        bed.vote(carol, kept, 1);
        bed.settle();
        assertEquals(31, bed.reputation(bob), "three upvotes on Bob's answers: 1 + 3 x 10");

        assertEquals(204, bed.http.delete(Testbed.DEMO + "/posts/" + a, bob.token()).status(), "Bob deletes one answer");
        bed.settle();
        assertEquals(11, bed.reputation(bob), "the two upvotes of the deleted answer are taken back, the other stays");
        assertEquals(2, bed.count("SELECT COUNT(*) FROM reputation_entry WHERE post_id = ? AND reversal_cause = ?", a,
            "post-deleted"), "one reversal per upvote, cause post-deleted");

        bed.server.core.db.inTransaction(c -> Sql.update(c, "UPDATE event_subscriber SET position = 0 WHERE name = ?",
            ReputationSubscriber.NAME));
        bed.settle();
        assertEquals(11, bed.reputation(bob), "replaying every event takes nothing back twice");
    }

    @Test
    void deletingADownvotedQuestionGivesBackWhatItCost() {
        long q = bed.ask(alice, "Une question mal reçue par la communauté");
        long helped = bed.ask(alice, "Une question bien reçue par la communauté");
        bed.vote(bob, helped, 1);
        bed.vote(carol, helped, 1);
        bed.vote(bob, q, -1);
        bed.settle();
        assertEquals(9, bed.reputation(alice), "1 + 2 x 5 - 2");
        assertEquals(204, bed.http.delete(Testbed.DEMO + "/posts/" + q, alice.token()).status(), "Alice deletes it");
        bed.settle();
        assertEquals(11, bed.reputation(alice), "the downvote's cost is taken back with the question");
    }
}
