package org.entraide.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.entraide.api.model.Brand;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.Core;

/**
 * A brand's knowledge base as a year of use leaves it: articles in French and English written and edited by the
 * brand's admin through the API (every version kept by the plugin), accepted answers waiting to be promoted, readers
 * with their own tokens, and a year of askers who stopped at an article.
 */
final class KnowledgeCorpus {
    static final String BRAND = "bench";
    static final String API = "/api/v1/brands/" + BRAND;
    private static final String PASSWORD = "bench-password";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] FR = ("retour remboursement livraison commande magasin carte fidélité ticket caisse "
        + "garantie perceuse béton peinture parquet carrelage jardin tondeuse batterie délai colis retrait drive facture "
        + "échange produit défectueux service client rendez-vous pose devis cuisine salle bain plomberie chauffage isolation "
        + "porte fenêtre volet serrure clé outillage vis cheville mur plafond sol bois terrasse abri").split(" ");
    private static final String[] EN = ("return refund delivery order store loyalty card receipt warranty drill concrete "
        + "paint floor tiles garden mower battery delay parcel pickup invoice exchange faulty product customer service "
        + "appointment fitting quote kitchen bathroom plumbing heating insulation door window shutter lock key tools "
        + "screw plug wall ceiling wood deck shed").split(" ");

    final Brand brand;
    final String adminToken;
    final String[] readerTokens;
    final List<Long> articles = new ArrayList<>();
    final List<Long> acceptedAnswers = new ArrayList<>();
    long versionsWritten;
    double writeSeconds;
    long deflections;
    double deflectionSeconds;

    private KnowledgeCorpus(Brand brand, String adminToken, String[] readerTokens) {
        this.brand = brand;
        this.adminToken = adminToken;
        this.readerTokens = readerTokens;
    }

    /** The brand, its admin and one member per client, through the core's services as the demo seeder does. */
    static KnowledgeCorpus brand(Core core, int readers) {
        Brand brand = core.administration.createBrand(BRAND, "Bench", "admin@bench.example", PASSWORD, "Bench-Admin");
        String[] tokens = new String[readers];
        for (int i = 0; i < readers; i++) {
            core.accounts.register(BRAND, "reader" + i + "@bench.example", PASSWORD, "Reader-" + i);
            tokens[i] = core.accounts.login(BRAND, "reader" + i + "@bench.example", PASSWORD).token();
        }
        return new KnowledgeCorpus(brand, core.accounts.login(BRAND, "admin@bench.example", PASSWORD).token(), tokens);
    }

    /**
     * {@code count} articles, 60 % French, each published, one in four then edited until it has {@code versions}
     * versions, through {@code POST} and {@code PUT /articles} on four connections (what the plugin does on each:
     * render, sanitize, keep the version, append the event).
     */
    void writeArticles(String base, int count, int versions) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        try {
            List<Future<long[]>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                done.add(writers.submit(() -> {
                    List<Long> ids = new ArrayList<>();
                    long written = 0;
                    for (int k = writer; k < count; k += 4) {
                        Random r = new Random(k);
                        String language = k % 5 < 3 ? "fr" : "en";
                        String title = title(r, language, k);
                        long id = JSON.readTree(send(client, "POST", base + API + "/articles",
                            article(r, title, language, 1), 201)).get("id").asLong();
                        written++;
                        // one article in four is edited, as articles kept up to date are
                        for (int v = 2; k % 4 == 0 && v <= versions; v++) {
                            send(client, "PUT", base + API + "/articles/" + id, article(r, title, language, v), 200);
                            written++;
                        }
                        ids.add(id);
                    }
                    return ids.stream().mapToLong(Long::longValue).toArray();
                }));
            }
            for (Future<long[]> f : done) {
                for (long id : f.get()) {
                    articles.add(id);
                }
            }
        } finally {
            writers.shutdownNow();
        }
        writeSeconds = (System.nanoTime() - start) / 1e9;
        versionsWritten = count + (long) ((count + 3) / 4) * (versions - 1);
    }

    /** Questions whose answer the asker accepted: what staff promote. */
    void acceptedAnswers(Core core, int count) {
        core.accounts.register(BRAND, "asker@bench.example", PASSWORD, "Asker");
        Caller asker = caller(core, core.accounts.login(BRAND, "asker@bench.example", PASSWORD).token());
        Caller helper = caller(core, readerTokens[0]);
        for (int k = 0; k < count; k++) {
            Random r = new Random(100_000 + k);
            String language = k % 5 < 3 ? "fr" : "en";
            long q = core.questions.ask(asker, brand, title(r, language, 100_000 + k), sentence(r, language, 30), null,
                List.of(word(r, language).replace('é', 'e').replace('è', 'e'))).id();
            long a = core.questions.answer(helper, brand, q, sentence(r, language, 60)).id();
            core.questions.accept(asker, brand, q, a);
            acceptedAnswers.add(a);
        }
    }

    /**
     * {@code perDay} askers a day for {@code days} days up to {@code today} who stopped at an article, written as the
     * plugin writes them (one row per article, asker and day, and their counts per article and day); the most read
     * articles draw most (a square skew).
     */
    void deflections(Core core, LocalDate today, int days, int perDay) throws Exception {
        long start = System.nanoTime();
        Random r = new Random(19);
        try (Connection c = core.db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO kn_deflection (brand_id, article_id, asker_id, seen_on) VALUES (?, ?, ?, ?)")) {
                long asker = 1_000_000;
                for (int day = days - 1; day >= 0; day--) {
                    Date seen = Date.valueOf(today.minusDays(day));
                    for (int i = 0; i < perDay; i++) {
                        double u = r.nextDouble();
                        s.setLong(1, brand.id());
                        s.setLong(2, articles.get((int) (u * u * articles.size())));
                        s.setLong(3, asker++);
                        s.setDate(4, seen);
                        s.addBatch();
                    }
                    s.executeBatch();
                    deflections += perDay;
                    if (day % 30 == 0) {
                        c.commit();
                    }
                }
                c.commit();
            }
            // and the days' counts the plugin adds to as it counts (kn_deflection_day), as its migration fills them
            try (PreparedStatement s = c.prepareStatement("INSERT INTO kn_deflection_day (brand_id, seen_on, article_id, askers) "
                + "SELECT brand_id, seen_on, article_id, COUNT(*) FROM kn_deflection WHERE brand_id = ? "
                + "GROUP BY brand_id, seen_on, article_id")) {
                s.setLong(1, brand.id());
                s.executeUpdate();
            }
            c.commit();
        }
        deflectionSeconds = (System.nanoTime() - start) / 1e9;
    }

    private String send(HttpClient client, String method, String url, String json, int expected) throws Exception {
        HttpResponse<String> reply = client.send(HttpRequest.newBuilder(URI.create(url))
            .method(method, HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json")
            .header("Accept", "application/json").header("Authorization", "Bearer " + adminToken).build(),
            HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + ": " + reply.statusCode() + " " + reply.body());
        }
        return reply.body();
    }

    private static String article(Random r, String title, String language, int version) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < 3; p++) {
            body.append(sentence(r, language, 40 + r.nextInt(40))).append("\n\n");
        }
        body.append("- ").append(sentence(r, language, 8)).append("\n- **").append(sentence(r, language, 6))
            .append("**\n\nVersion ").append(version).append('.');
        return JSON.writeValueAsString(Map.of("title", title, "body", body.toString(), "language", language,
            "tags", List.of(language.equals("fr") ? "aide" : "help", "t" + r.nextInt(40)), "publish", true));
    }

    private static String title(Random r, String language, int k) {
        return (language.equals("fr") ? "Comment faire : " : "How to: ") + sentence(r, language, 5) + " " + k;
    }

    private static String sentence(Random r, String language, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            s.append(i == 0 ? "" : " ").append(word(r, language));
        }
        return s.append('.').toString();
    }

    private static String word(Random r, String language) {
        String[] words = language.equals("fr") ? FR : EN;
        return words[r.nextInt(words.length)];
    }

    private static Caller caller(Core core, String token) {
        return core.accounts.authenticate("Bearer " + token).orElseThrow();
    }
}
