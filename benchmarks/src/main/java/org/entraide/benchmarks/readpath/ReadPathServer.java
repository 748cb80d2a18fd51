package org.entraide.benchmarks.readpath;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.entraide.api.model.Brand;
import org.entraide.api.security.Caller;
import org.entraide.benchmarks.BenchDatabase;
import org.entraide.benchmarks.CoreServer;
import org.entraide.core.internal.Core;
import org.entraide.web.internal.WebRoutes;

/**
 * The server side of the read-path benchmark (issue 18, {@code benchmarks/readpath.sh}): the real core and web pages
 * on a free loopback port over a fresh H2 file or PostgreSQL database, seeded with a question of 10 answers of
 * 600–900 characters of Markdown and 1,000 other questions. It writes the URLs to read to the file given, then
 * serves until it is stopped (SIGTERM), when it drops its database. The load generator (wrk) runs outside.
 * Usage: {@code h2|postgres <urls-file> [answers] [pg-admin-url]}.
 */
public final class ReadPathServer {
    private static final String BRAND = "bench";
    private static final String PASSWORD = "bench-password";

    private ReadPathServer() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        String kind = args[0];
        Path urls = Path.of(args[1]);
        int answers = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        String pgUrl = args.length > 3 ? args[3] : "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
        BenchDatabase db = "postgres".equals(kind) ? BenchDatabase.postgresDatabase(pgUrl) : BenchDatabase.h2File(true);
        CoreServer server = new CoreServer(db.dataSource);
        server.addRoutes(new WebRoutes());
        server.connect();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
                db.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        List<Long> questions = new java.util.ArrayList<>();
        long question = seed(server.core, answers, 1000, questions);
        String base = "http://127.0.0.1:" + server.port;
        StringBuilder spike = new StringBuilder(base + "/b/" + BRAND + "/questions/" + question);
        questions.stream().limit(19).forEach(id -> spike.append(' ').append(base).append("/b/").append(BRAND)
            .append("/questions/").append(id));
        // a member's session, as the sign-in form sets it: their page shows their votes and permissions
        String session = server.core.accounts.login(BRAND, "asker@bench.example", PASSWORD).token();
        Files.writeString(urls, "page=" + base + "/b/" + BRAND + "/questions/" + question + "\n"
            + "api=" + base + "/api/v1/brands/" + BRAND + "/questions/" + question + "\n"
            + "spike=" + spike + "\n"
            + "cookie=entraide_session=" + session + "\n"
            + "pid=" + ProcessHandle.current().pid() + "\n");
        Thread.currentThread().join();
    }

    static long seed(Core core, int answers, int others, List<Long> otherIds) {
        Brand brand = core.administration.createBrand(BRAND, "Bench", "admin@bench.example", PASSWORD, "Bench-Admin");
        core.accounts.register(BRAND, "asker@bench.example", PASSWORD, "Asker");
        Caller asker = caller(core, "asker@bench.example");
        long read = core.questions.ask(asker, brand, "Which drill for a concrete wall?",
            "I need to fix **shelves** on a concrete wall. Hammer drill or rotary hammer? The wall is about 20 cm thick"
                + " and I have never drilled into concrete before.", null, List.of("drill", "concrete")).id();
        long first = 0;
        for (int k = 0; k < answers; k++) {
            String email = "user" + k + "@bench.example";
            core.accounts.register(BRAND, email, PASSWORD, "Member-" + k);
            long id = core.questions.answer(caller(core, email), brand, read, answerText(k)).id();
            first = k == 0 ? id : first;
            if (k % 3 == 0) {
                core.votes.vote(asker, brand, id, 1);
            }
        }
        if (answers > 0) {
            core.questions.accept(asker, brand, read, first);
        }
        for (int i = 0; i < others; i++) {
            otherIds.add(core.questions.ask(asker, brand, "Another question number " + i, "Body of the question " + i
                + ", long enough to look like a real one, with *some* Markdown.", null, List.of("other")).id());
        }
        return read;
    }

    /** 600–900 characters of Markdown: emphasis, a list, a link, a code span, as real answers have. */
    static String answerText(int k) {
        StringBuilder s = new StringBuilder("Answer " + k + ": for concrete take a **rotary hammer** (SDS+), a hammer drill"
            + " struggles quickly once the wall is reinforced. Here is what worked for me:\n\n"
            + "1. mark the holes with tape so that the bit does not slip on the smooth surface;\n"
            + "2. start slowly without hammering, then switch the hammer mode on;\n"
            + "3. use a 6 mm bit and matching plugs, and blow the dust out of the hole before the plug goes in.\n\n"
            + "> Wear ear protection and goggles: concrete dust is *nasty*.\n\n"
            + "See [the drilling guide](https://example.org/guide) for details, and check the `SDS+` label on the bit.");
        for (int i = 0; i < k % 4; i++) {
            s.append(" One more detail: a stud finder also tells where the cables run, which avoids a bad surprise.");
        }
        return s.toString();
    }

    private static Caller caller(Core core, String email) {
        return core.accounts.authenticate("Bearer " + core.accounts.login(BRAND, email, PASSWORD).token()).orElseThrow();
    }
}
