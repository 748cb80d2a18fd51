package org.entraide.core.internal.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.entraide.api.model.Brand;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.Core;
import org.entraide.core.internal.platform.PlatformTime;
import org.entraide.core.internal.post.Views;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's second act ({@code demo.scenario = true}, set by start-demo.sh), played once when the server has
 * finished starting with its capabilities: members and staff of the demo brand use the community through the same
 * services and API as anyone, so that each installed capability processes it live, as it would a real brand's
 * traffic. Complaints are answered and evaluated at the Lyon store (the ranking, the dashboard and the store page
 * get figures), two filed four days earlier are late (one answered late, one escalated to the region), one is handed
 * over to the central team, one waits at Marseille; moderation holds a new member's link and an insult, rejects the insult and
 * receives its author's appeal. Without a capability its part is left out.
 */
public final class DemoScenario {
    /**
     * How long before its first start the demo's history begins: the brand is seeded then (start-demo.sh), so that the
     * capabilities it chose receive what the scenario dates later.
     */
    public static final Duration HISTORY = Duration.ofDays(5);
    /**
     * How long ago the late complaints were filed and routed: past the store's first-response deadline of 24 opening
     * hours whatever the day and hour (at most 3 days 18 hours with the standard hours, Monday to Saturday 9:00-19:00),
     * and before the central team's (at least 4 days 8 hours): they are late, escalated to the region.
     */
    static final Duration LATE_FILED_AGO = Duration.ofDays(4);
    /** The scenario's own account: it exists once the scenario has been played. */
    static final String MARKER_ACCOUNT = "lea@demo.example";
    private static final Logger LOG = LoggerFactory.getLogger(DemoScenario.class);
    private static final Pattern ITEM = Pattern.compile("\\{\"id\":(\\d+),[^{}]*\"postId\":(\\d+)[,}]");

    private final Core core;
    private final String api;
    private final PlatformTime time;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param apiBase where this server's API answers, e.g. http://127.0.0.1:8181/api/v1 */
    public DemoScenario(Core core, String apiBase, PlatformTime time) {
        this.core = core;
        this.api = apiBase;
        this.time = time;
    }

    /**
     * Waits for the end of the start-up ({@code started}, then no capability installed for {@code quiet}), then plays
     * the scenario unless it was played before. Runs on its own thread; an interrupt stops it.
     */
    public void playWhenStarted(BooleanSupplier started, Duration quiet, Duration atMost) throws InterruptedException {
        Instant deadline = Instant.now().plus(atMost);
        while (!started.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        int seen = -1;
        Instant stableSince = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            int installed = core.capabilities.installedNames().size();
            if (installed != seen) {
                seen = installed;
                stableSince = Instant.now();
            } else if (Duration.between(stableSince, Instant.now()).compareTo(quiet) >= 0) {
                break;
            }
            Thread.sleep(250);
        }
        try {
            playIfNew();
        } catch (RuntimeException | IOException e) {
            LOG.error("The demo scenario stopped half-way; the demo brand keeps what was done", e);
        }
    }

    /** @return whether the scenario was played now (false: it had been played before) */
    public boolean playIfNew() throws IOException, InterruptedException {
        Brand brand = core.brands.find("demo").orElse(null);
        if (brand == null) {
            return false;
        }
        try {
            core.accounts.register("demo", MARKER_ACCOUNT, DemoSeeder.PASSWORD, "Lea");
        } catch (ProblemException alreadyPlayed) {
            return false;
        }
        LOG.info("Demo scenario: playing, with the capabilities {}", core.capabilities.installedNames());
        Caller camille = login(brand, "customer@demo.example");
        Caller lucas = login(brand, "lucas@demo.example");
        Caller lea = login(brand, MARKER_ACCOUNT);
        Caller gerant = login(brand, "manager@demo.example");
        if (core.capabilities.isEnabled(brand.id(), "local-managers")) {
            lateComplaints(brand, camille, lucas, gerant);
        }
        complaints(brand, camille, lucas, lea, gerant);
        if (core.capabilities.isEnabled(brand.id(), "local-managers")) {
            escalation(brand, camille);
        }
        if (core.capabilities.isEnabled(brand.id(), "moderation")) {
            moderation(brand, camille, lea);
        }
        LOG.info("Demo scenario: played");
        return true;
    }

    /** Answered and evaluated complaints at Lyon (one satisfied customer, one not), one waiting at Marseille. */
    private void complaints(Brand brand, Caller camille, Caller lucas, Caller lea, Caller gerant) {
        Views.ComplaintView damaged = core.complaints.file(camille, brand, "Colis livré abîmé",
            "Mon colis retiré à Lyon Part-Dieu avait un coin enfoncé et la notice était déchirée.", "LYON-PARTDIEU", true);
        core.complaints.respond(gerant, brand, damaged.id(),
            "Désolé pour ce colis. Passez à l'accueil : nous échangeons l'article et vous offrons la livraison suivante.");
        core.complaints.resolve(camille, brand, damaged.id(), true, 9, true);

        Views.ComplaintView price = core.complaints.file(lucas, brand, "Prix en caisse différent de l'étiquette",
            "La perceuse était affichée 89 € en rayon et m'a été comptée 109 € en caisse.", "LYON-PARTDIEU", true);
        core.complaints.respond(gerant, brand, price.id(),
            "L'étiquette n'était plus à jour. Nous ne pouvons pas rembourser la différence, mais le rayon est corrigé.");
        core.complaints.resolve(lucas, brand, price.id(), false, 3, false);

        core.complaints.file(lea, brand, "Personne au rayon jardin",
            "Samedi matin, aucun vendeur au rayon jardin de Marseille La Valentine pendant une demi-heure.",
            "MARSEILLE-VALENTINE", true);
    }

    /**
     * Two Lyon complaints filed four days ago: the platform's time is set back while they are filed and routed, so
     * that their deadlines are counted from then and the deadline checks find them late now. The manager answers one
     * of them late; the other waits, escalated to the region. Left out when the brand is younger than that (seeded
     * without the scenario): its capabilities would not receive what is dated before their choice.
     */
    private void lateComplaints(Brand brand, Caller camille, Caller lucas, Caller gerant)
            throws IOException, InterruptedException {
        if (DemoSeeder.createdAt(core, brand).isAfter(Instant.now().minus(LATE_FILED_AGO))) {
            LOG.info("Demo scenario: the demo brand is younger than {}; no late complaints", LATE_FILED_AGO);
            return;
        }
        String manager = bearer(brand, "manager@demo.example");
        Views.ComplaintView delivery;
        time.setBack(LATE_FILED_AGO);
        try {
            delivery = core.complaints.file(lucas, brand, "Livraison à domicile jamais arrivée",
                "Ma commande de lames de terrasse devait être livrée mardi depuis Lyon Part-Dieu ; personne n'est venu.",
                "LYON-PARTDIEU", true);
            Views.ComplaintView refund = core.complaints.file(camille, brand, "Remboursement toujours en attente",
                "J'ai rapporté un aspirateur défectueux à Lyon Part-Dieu il y a trois semaines et je ne suis toujours pas remboursée.",
                "LYON-PARTDIEU", true);
            awaitInManagersInbox(brand, manager, delivery.id());
            awaitInManagersInbox(brand, manager, refund.id());
        } finally {
            time.resume();
        }
        core.complaints.respond(gerant, brand, delivery.id(),
            "Toutes nos excuses pour ce retard de réponse : le transporteur avait perdu la palette. Elle est livrée demain.");
        core.complaints.resolve(lucas, brand, delivery.id(), false, 2, false);
    }

    /** A complaint the Lyon manager hands over to the central team, once local managers routed it to him. */
    private void escalation(Brand brand, Caller camille) throws IOException, InterruptedException {
        Views.ComplaintView card = core.complaints.file(camille, brand, "Points de fidélité disparus",
            "Mes 2 400 points de fidélité ont disparu de mon compte après mon dernier passage à Lyon Part-Dieu.",
            "LYON-PARTDIEU", true);
        String manager = bearer(brand, "manager@demo.example");
        awaitInManagersInbox(brand, manager, card.id());
        send("POST", api + "/brands/" + brand.slug() + "/complaints/" + card.id() + "/handover", manager,
            "{\"reason\":\"Les comptes fidélité sont gérés par le service client national.\"}");
    }

    /** Waits until local managers routed the complaint to the manager (their subscriber reads it from the outbox). */
    private void awaitInManagersInbox(Brand brand, String manager, long complaintId) throws IOException, InterruptedException {
        String inbox = api + "/brands/" + brand.slug() + "/managers/me/complaints?size=50";
        Instant deadline = Instant.now().plusSeconds(60);
        while (!send("GET", inbox, manager, null).contains("\"complaintId\":" + complaintId + ",")) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("complaint " + complaintId + " never reached the Lyon manager");
            }
            Thread.sleep(500);
        }
    }

    /**
     * Two posts the shipped rule sets hold: a new member's link (left in the queue) and an insult, which a moderator
     * rejects and its author appeals. The queue is moderation's, reached through its API as the consoles do.
     */
    private void moderation(Brand brand, Caller camille, Caller lea) throws IOException, InterruptedException {
        core.questions.ask(lea, brand, "Mon avis sur le nouveau magasin",
            "J'ai tout raconté sur mon blog : https://blog.example.net/avis-maison-demo", "bricolage", List.of());
        Views.QuestionView insult = core.questions.ask(camille, brand, "Livreur désagréable",
            "Le livreur m'a dit « quel abruti » devant mes voisins, je n'ai jamais vu ça.", "livraison", List.of());
        if (!"PENDING_REVIEW".equals(insult.publication())) {
            LOG.warn("Demo scenario: the demo's rule sets did not hold the insult ({}); no appeal", insult.publication());
            return;
        }
        String moderator = bearer(brand, "moderator@demo.example");
        String base = api + "/brands/" + brand.slug() + "/moderation";
        long item = queueItem(base, moderator, insult.id());
        send("POST", base + "/queue/" + item + "/decision", moderator, "{\"decision\":\"reject\",\"reasonCode\":\"abuse\"}");
        send("POST", base + "/appeals", bearer(brand, "customer@demo.example"), "{\"subject\":\"ITEM\",\"id\":" + item
            + ",\"statement\":\"Je rapportais les mots du livreur, je n'insultais personne.\"}");
    }

    /** The review-queue item of a held post: moderation queues it when its subscriber reads the post's event. */
    private long queueItem(String base, String moderator, long postId) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            Matcher m = ITEM.matcher(send("GET", base + "/queue?size=50", moderator, null));
            while (m.find()) {
                if (Long.parseLong(m.group(2)) == postId) {
                    return Long.parseLong(m.group(1));
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("post " + postId + " never reached the review queue");
    }

    private String send(String method, String url, String bearer, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
            .header("Authorization", bearer).header("Accept", "application/json");
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private String bearer(Brand brand, String email) {
        return "Bearer " + core.accounts.login(brand.slug(), email, DemoSeeder.PASSWORD).token();
    }

    private Caller login(Brand brand, String email) {
        return core.accounts.authenticate(bearer(brand, email)).orElseThrow();
    }
}
