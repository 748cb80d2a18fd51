package org.entraide.reputation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javax.sql.DataSource;

import org.entraide.core.internal.support.Http;
import org.entraide.reputation.internal.privileges.PrivilegeStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Privileges: votes gated by the brand's thresholds in the submission pipeline, staff exempt. */
abstract class ReputationPrivilegeScenarios {
    Testbed bed;
    Testbed.Member lucas;
    long question;

    abstract DataSource dataSource();

    void dropDatabase() {
    }

    @BeforeEach
    void start() throws Exception {
        bed = new Testbed(dataSource()).install(Testbed.settings()).enable();
        bed.settle();
        lucas = bed.member("lucas@demo.example");
        question = bed.ask(bed.member("customer@demo.example"), "Quelle scie pour du stratifié ?");
    }

    @AfterEach
    void stop() {
        bed.close();
        dropDatabase();
    }

    Http.Response vote(Testbed.Member m, long post, int value) {
        return bed.http.post(Testbed.DEMO + "/posts/" + post + "/votes", m.token(), "{\"value\":" + value + "}");
    }

    @Test
    void aVoteBelowTheThresholdIsRefusedWithTheThresholdInTheProblem() {
        Testbed.Member newcomer = bed.register("Newcomer");
        Http.Response refused = vote(newcomer, question, 1);
        assertEquals(403, refused.status(), refused.toString());
        assertEquals("vote-up", refused.json().get("privilege").asText(), refused.toString());
        assertEquals(15, refused.json().get("threshold").asInt());
        assertEquals(1, refused.json().get("reputation").asInt());
        assertEquals(0, bed.count("SELECT COUNT(*) FROM vote WHERE post_id = ?", question), "nothing was stored");

        assertEquals(31, bed.reputation(lucas), "the demo's lucas");
        assertEquals(200, vote(lucas, question, 1).status(), "31 is enough to vote up");
        Http.Response down = vote(lucas, question, -1);
        assertEquals(403, down.status(), down.toString());
        assertEquals("vote-down", down.json().get("privilege").asText());
        assertEquals(125, down.json().get("threshold").asInt());
        assertEquals(31, down.json().get("reputation").asInt());
        assertEquals(200, vote(lucas, question, 0).status(), "retracting is always allowed");
    }

    Http.Response comment(Testbed.Member m, long post, String body) {
        return bed.http.post(Testbed.DEMO + "/posts/" + post + "/comments", m.token(), Http.json("body", body));
    }

    @Test
    void commentingOnOthersPostsTakesThePrivilegeOnOnesOwnThreadItNeverDoes() {
        Testbed.Member newcomer = bed.register("Newcomer");
        Http.Response refused = comment(newcomer, question, "Même question pour du parquet ?");
        assertEquals(403, refused.status(), refused.toString());
        assertEquals("comment", refused.json().get("privilege").asText(), refused.toString());
        assertEquals("application/problem+json", refused.raw().headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals(0, bed.count("SELECT COUNT(*) FROM post_comment WHERE post_id = ?", question), "nothing was stored");
        assertEquals(0, bed.count("SELECT COUNT(*) FROM domain_event WHERE event_type = 'comment.posted' AND subject_id = ?",
            question), "and no event appended");

        long own = bed.ask(newcomer, "Quelle lame pour du parquet ?");
        assertEquals(201, comment(newcomer, own, "Précision : du chêne massif.").status(), "on one's own question");
        long answer = bed.answer(lucas, own);
        assertEquals(201, comment(newcomer, answer, "Merci, avec quelle denture ?").status(),
            "and on the answers to one's own question");
        long elsewhere = bed.answer(lucas, question);
        assertEquals(403, comment(newcomer, elsewhere, "Et pour le stratifié ?").status(), "not on others' answers elsewhere");
        assertEquals(201, comment(bed.member("moderator@demo.example"), question, "Merci de préciser l'épaisseur.").status(),
            "staff need no reputation");
    }

    @Test
    void staffNeedNoReputation() {
        Testbed.Member moderator = bed.member("moderator@demo.example");
        assertEquals(1, bed.reputation(moderator));
        assertEquals(200, vote(moderator, question, -1).status());
        assertEquals(200, vote(bed.member("manager@demo.example"), question, 1).status());
    }

    @Test
    void brandAdminsSetTheThresholds() {
        Http.Response defaults = bed.http.get(Testbed.DEMO + "/reputation/privileges", null);
        assertEquals(200, defaults.status());
        assertEquals("{\"vote-up\":15,\"flag\":15,\"comment\":50,\"review-queue\":500,\"vote-down\":125,"
            + "\"see-vote-counts\":1000,\"edit-others-posts\":2000,\"close-duplicate\":3000}", defaults.json().toString());
        assertEquals(403, bed.http.put(Testbed.DEMO + "/reputation/privileges", lucas.token(), "{\"vote-down\":1}").status());
        assertEquals(400, bed.http.put(Testbed.DEMO + "/reputation/privileges", bed.admin, "{\"vote-down\":0}").status());
        assertEquals(400, bed.http.put(Testbed.DEMO + "/reputation/privileges", bed.admin, "{\"vote-sideways\":3}").status());
        assertEquals(200, bed.http.put(Testbed.DEMO + "/reputation/privileges", bed.admin, "{\"vote-down\":30}").status());
        assertEquals(200, vote(lucas, question, -1).status(), "31 now reaches the brand's threshold of 30");
    }

    @Test
    void withReputationDisabledNothingIsGated() {
        assertEquals(200, bed.http.put(Testbed.DEMO + "/features", bed.admin, "{\"reputation\":false}").status());
        Testbed.Member newcomer = bed.register("Newcomer");
        assertEquals(200, vote(newcomer, question, -1).status());
    }

    @Test
    void theStepRunsFirstInThePipelineForReputationOnly() {
        assertEquals(100, bed.reputation.privileges.order());
        assertEquals(PrivilegeStep.ORDER, bed.reputation.privileges.order());
        assertEquals("reputation", bed.reputation.privileges.capability());
    }
}
