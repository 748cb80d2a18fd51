package org.entraide.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.entraide.api.model.Brand;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.Core;

/**
 * The data a run needs, created through the core's services as the demo seeder does: a brand, one account and
 * bearer token per client (so each client is its own user, as in real traffic), a question with its answers
 * (one accepted, some votes) for the read, and one question per client to post answers to.
 */
public final class Fixture {
    public static final String BRAND = "bench";
    private static final String PASSWORD = "bench-password";

    public final long readQuestion;
    final long[] targetQuestions;
    final String[] tokens;

    private Fixture(long readQuestion, long[] targetQuestions, String[] tokens) {
        this.readQuestion = readQuestion;
        this.targetQuestions = targetQuestions;
        this.tokens = tokens;
    }

    public static Fixture seed(Core core, int clients, int answers) {
        Brand brand = core.administration.createBrand(BRAND, "Bench", "admin@bench.example", PASSWORD, "Bench-Admin");
        core.accounts.register(BRAND, "asker@bench.example", PASSWORD, "Asker");
        Caller asker = caller(core, login(core, "asker@bench.example"));
        int users = Math.max(clients, answers);
        String[] tokens = new String[users];
        for (int i = 0; i < users; i++) {
            String email = "user" + i + "@bench.example";
            core.accounts.register(BRAND, email, PASSWORD, "Member-" + i);
            tokens[i] = login(core, email);
        }
        long read = core.questions.ask(asker, brand, "Which drill for a concrete wall?",
            "I need to fix **shelves** on a concrete wall. Hammer drill or rotary hammer? The wall is about 20 cm thick"
                + " and I have never drilled into concrete before.", null, List.of("drill", "concrete")).id();
        long firstAnswer = 0;
        for (int k = 0; k < answers; k++) {
            long id = core.questions.answer(caller(core, tokens[k % users]), brand, read, answerText(k)).id();
            firstAnswer = k == 0 ? id : firstAnswer;
            if (k % 3 == 0) {
                core.votes.vote(asker, brand, id, 1);
            }
        }
        if (answers > 0) {
            core.questions.accept(asker, brand, read, firstAnswer);
        }
        long[] targets = new long[clients];
        for (int i = 0; i < clients; i++) {
            targets[i] = core.questions.ask(asker, brand, "Question " + i + " that receives the posted answers",
                "Answers posted by client " + i + " of the benchmark land here.", null, List.of()).id();
        }
        return new Fixture(read, targets, java.util.Arrays.copyOf(tokens, clients));
    }

    static String answerText(int k) {
        return "Answer " + k + ": for concrete take a **rotary hammer** (SDS+), a hammer drill struggles quickly.\n\n"
            + "- use a 6 mm bit and matching plugs\n- mark the holes with tape so the bit does not slip\n\n"
            + "See [the drilling guide](https://example.org/guide) for details.";
    }

    /** How many answers the target questions hold, counted in the database. */
    long answersOnTargets(Core core) throws SQLException {
        try (Connection c = core.db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM post WHERE parent_id = ?")) {
            long total = 0;
            for (long q : targetQuestions) {
                s.setLong(1, q);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total += rs.getLong(1);
                }
            }
            return total;
        }
    }

    private static String login(Core core, String email) {
        return core.accounts.login(BRAND, email, PASSWORD).token();
    }

    private static Caller caller(Core core, String token) {
        return core.accounts.authenticate("Bearer " + token).orElseThrow();
    }
}
