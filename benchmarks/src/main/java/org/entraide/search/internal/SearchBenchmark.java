package org.entraide.search.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.entraide.api.model.ComplaintStatus;
import org.entraide.api.model.PostType;
import org.entraide.api.platform.PublicPost;

/**
 * The search plugin's index at scale (issue 16): indexing rate, search latency with facets and highlights, searches
 * per second while posts keep arriving, and similar-question latency, on generated French and English posts of one
 * brand. In the plugin's package, to drive its index directly: the database and HTTP are measured elsewhere.
 *
 * <pre>java -cp benchmarks/target/entraide-benchmarks.jar org.entraide.search.internal.SearchBenchmark \
 *   --posts 1000000 --seconds 20 --queries 2000</pre>
 */
public final class SearchBenchmark {
    private static final String[] FR = ("béton perceuse mèche mur carrelage joint peinture plafond salle bain cuisine évier "
        + "fuite robinet siphon radiateur chauffage chauffe-eau isolation combles laine verre parquet flottant lame "
        + "sous-couche rayure tondeuse batterie jardin terrasse bois abri dalle porte fenêtre volet roulant moteur serrure "
        + "clé double livraison commande retard remboursement retour garantie panne scie ponceuse location outil ampoule "
        + "prise électrique interrupteur disjoncteur tableau câble gaine humidité moisissure tache enduit plâtre cloison "
        + "vis cheville étagère meuble montage notice pièce manquante magasin caisse attente vendeur conseil rayon stock "
        + "prix promotion carte fidélité points remise facture devis pose artisan installation délai rendez-vous "
        + "colle silicone mastic pinceau rouleau bâche escabeau échelle gouttière toiture tuile zinc").split(" ");
    private static final String[] EN = ("concrete drill bit wall tile grout paint ceiling bathroom kitchen sink leak tap "
        + "trap radiator heating boiler insulation loft wool floor laminate underlay scratch mower battery garden deck "
        + "wood shed slab door window blind motor lock key copy delivery order delay refund return warranty fault saw "
        + "sander rental tool bulb socket switch breaker cable damp mould stain plaster partition screw plug shelf "
        + "furniture assembly manual missing part store checkout queue staff advice aisle stock price discount card "
        + "points invoice quote fitting installer appointment glue sealant brush roller ladder gutter roof").split(" ");
    private static final String[] GLUE_FR = "comment pour une avec dans sur mon ma mes le la les du de des quel quelle".split(" ");
    private static final String[] GLUE_EN = "how to a the my for with in on which what can i".split(" ");

    private final Random random = new Random(16);

    public static void main(String[] args) throws Exception {
        int posts = 1_000_000;
        int seconds = 20;
        int queries = 2000;
        Path folder = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--posts" -> posts = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--folder" -> folder = Path.of(args[i + 1]);
                case "--queries" -> queries = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("usage: --posts N --seconds S --queries N [--folder DIR]");
            }
        }
        new SearchBenchmark().run(posts, seconds, queries, folder == null ? Files.createTempDirectory("entraide-search-bench") : folder);
    }

    void run(int posts, int seconds, int measured, Path folder) throws Exception {
        System.out.printf("search benchmark: %,d posts, %d s per phase, index in %s, %d processors%n", posts, seconds, folder,
            Runtime.getRuntime().availableProcessors());
        SearchIndex index = new SearchIndex(folder, Duration.ofMillis(250), Duration.ofSeconds(60));
        // indexing: two writer threads, as a rebuild's pages and the events would
        long started = System.nanoTime();
        AtomicLong next = new AtomicLong();
        int total = posts;
        Thread[] writers = new Thread[2];
        for (int w = 0; w < writers.length; w++) {
            Random r = new Random(w);
            writers[w] = new Thread(() -> {
                long id;
                while ((id = next.incrementAndGet()) <= total) {
                    index.upsert(id, SearchDocuments.of(post(r, id), null));
                }
            });
            writers[w].start();
        }
        for (Thread t : writers) {
            t.join();
        }
        index.commit();
        index.refresh();
        double indexSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("indexing: %,d posts in %.1f s = %,.0f posts/s (committed, searchable); index %,d MB%n", posts,
            indexSeconds, posts / indexSeconds, size(folder) / 1_000_000);

        List<String> queries = new ArrayList<>();
        for (int i = 0; i < measured; i++) {
            queries.add(query(random, 1 + i % 4));
        }
        // warm-up (a quarter), then one client
        latency(index, queries, Math.max(1, measured / 4), false);
        long[] single = latency(index, queries, queries.size(), true);
        System.out.printf("search, 1 client, 1-4 words, facets + highlights, page 1 of 20: p50 %.1f ms, p99 %.1f ms, "
            + "max %.1f ms (%d queries)%n", pct(single, 50), pct(single, 99), single[single.length - 1] / 1e6, single.length);

        // two clients while 50 posts/s arrive
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();
        AtomicLong arrivals = new AtomicLong();
        Thread feeder = new Thread(() -> {
            Random r = new Random(99);
            long id = total;
            while (!stop.get()) {
                for (int k = 0; k < 5; k++) {
                    index.upsert(++id, SearchDocuments.of(post(r, id), null));
                    arrivals.incrementAndGet();
                }
                sleep(100);
            }
        });
        feeder.start();
        Thread[] clients = new Thread[2];
        long loadStart = System.nanoTime();
        for (int c = 0; c < clients.length; c++) {
            int offset = c * 1000;
            clients[c] = new Thread(() -> {
                int i = offset;
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    index.search(queries.get(i++ % queries.size()), UserQuery.Mode.SEARCH, SearchIndex.Filters.brand(1),
                        SearchIndex.Order.RELEVANCE, 0, 20, true, true);
                    times.add(System.nanoTime() - t0);
                }
            });
            clients[c].start();
        }
        sleep(seconds * 1000L);
        stop.set(true);
        for (Thread t : clients) {
            t.join();
        }
        feeder.join();
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        long[] loaded = times.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("search, 2 clients, while %.0f posts/s are indexed: %.0f searches/s, p50 %.1f ms, p99 %.1f ms%n",
            arrivals.get() / loadSeconds, loaded.length / loadSeconds, pct(loaded, 50), pct(loaded, 99));

        // similar questions of titles being asked
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < measured; i++) {
            titles.add(title(random));
        }
        for (int i = 0; i < measured / 4; i++) {
            index.search(title(random), UserQuery.Mode.LOOSE, SearchIndex.Filters.brand(1).withType("question"),
                SearchIndex.Order.RELEVANCE, 0, 5, false, false);
        }
        long[] similar = new long[titles.size()];
        for (int i = 0; i < titles.size(); i++) {
            long t0 = System.nanoTime();
            index.search(titles.get(i), UserQuery.Mode.LOOSE, SearchIndex.Filters.brand(1).withType("question"),
                SearchIndex.Order.RELEVANCE, 0, 5, false, false);
            similar[i] = System.nanoTime() - t0;
        }
        Arrays.sort(similar);
        System.out.printf("similar questions, 1 client, titles of 5-9 words: p50 %.1f ms, p99 %.1f ms%n",
            pct(similar, 50), pct(similar, 99));
        index.markComplete();
        index.close();
    }

    private static long[] latency(SearchIndex index, List<String> queries, int n, boolean facets) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            index.search(queries.get(i), UserQuery.Mode.SEARCH, SearchIndex.Filters.brand(1), SearchIndex.Order.RELEVANCE, 0,
                20, facets, true);
            t[i] = System.nanoTime() - t0;
        }
        Arrays.sort(t);
        return t;
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)] / 1e6;
    }

    private static PublicPost post(Random r, long id) {
        int kind = r.nextInt(100);
        PostType type = kind < 40 ? PostType.QUESTION : kind < 85 ? PostType.ANSWER : PostType.COMPLAINT;
        boolean fr = r.nextInt(10) < 6;
        String title = type == PostType.ANSWER ? null : sentence(r, fr, 5 + r.nextInt(5));
        String body = sentence(r, fr, 25 + r.nextInt(40));
        List<String> tags = type == PostType.COMPLAINT ? List.of() : List.of("tag" + r.nextInt(200), "tag" + r.nextInt(200));
        return new PublicPost(id, 1, type, type == PostType.ANSWER ? Math.max(1, id - 1 - r.nextInt(50)) : null, title, body,
            (long) (1 + r.nextInt(20)), type == PostType.COMPLAINT ? (long) (1 + r.nextInt(300)) : null, tags,
            r.nextInt(20) == 0, r.nextInt(12) - 2, r.nextInt(5) == 0,
            type == PostType.COMPLAINT ? ComplaintStatus.values()[r.nextInt(4)] : null,
            Instant.parse("2024-01-01T00:00:00Z").plusSeconds(id * 60));
    }

    private static String sentence(Random r, boolean fr, int words) {
        String[] vocabulary = fr ? FR : EN;
        String[] glue = fr ? GLUE_FR : GLUE_EN;
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            s.append(i % 3 == 1 ? glue[r.nextInt(glue.length)] : vocabulary[r.nextInt(vocabulary.length)]).append(' ');
        }
        return s.toString().trim();
    }

    private String title(Random r) {
        return sentence(r, r.nextBoolean(), 5 + r.nextInt(5));
    }

    /** One to four words as members type them: some plural, some without accents, some with a typo. */
    private static String query(Random r, int words) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            String w = r.nextBoolean() ? FR[r.nextInt(FR.length)] : EN[r.nextInt(EN.length)];
            switch (r.nextInt(4)) {
                case 0 -> w = w + "s";
                case 1 -> w = java.text.Normalizer.normalize(w, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                case 2 -> w = w.length() > 5 ? w.substring(0, 2) + w.substring(3) : w;
                default -> { }
            }
            out.add(w);
        }
        Collections.shuffle(out, r);
        return String.join(" ", out);
    }

    private static long size(Path folder) throws Exception {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
