package org.entraide.core.internal.demo;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.entraide.api.model.Brand;
import org.entraide.api.model.Role;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.Core;
import org.entraide.core.internal.brand.BrandAdministration.StoreData;
import org.entraide.core.internal.platform.PlatformTime;
import org.entraide.core.internal.post.Views;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo brand {@code demo}: stores, topics, one account per role (password {@value #PASSWORD}) and a few
 * questions, answers and complaints, created once through the same services as the API.
 */
public final class DemoSeeder {
    public static final String PASSWORD = "entraide-demo";
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

    private final Core core;

    public DemoSeeder(Core core) {
        this.core = core;
    }

    /**
     * Seeds the brand as {@code ago} in the past (the platform's time set back meanwhile): the demo's scenario then
     * plays later parts of its history in the past too, which the capabilities the brand chose receive.
     */
    public void seedIfAbsent(PlatformTime time, Duration ago) {
        time.setBack(ago);
        try {
            seedIfAbsent();
        } finally {
            time.resume();
        }
    }

    public void seedIfAbsent() {
        if (core.brands.find("demo").isPresent()) {
            return;
        }
        Brand brand = core.administration.createBrand("demo", "Maison Démo", "admin@demo.example", PASSWORD, "Equipe-Demo");
        Caller admin = login(brand, "admin@demo.example");
        List.of(new StoreData("LYON-PARTDIEU", "Lyon Part-Dieu", "Lyon", "69003", 45.7606, 4.8593),
                new StoreData("PARIS-BERCY", "Paris Bercy", "Paris", "75012", 48.8396, 2.3826),
                new StoreData("MARSEILLE-VALENTINE", "Marseille La Valentine", "Marseille", "13011", 43.2930, 5.4800),
                new StoreData("LILLE-EURALILLE", "Lille Euralille", "Lille", "59777", 50.6372, 3.0755),
                new StoreData("BORDEAUX-LAC", "Bordeaux Lac", "Bordeaux", "33300", 44.8839, -0.5658))
            .forEach(s -> core.administration.saveStore(admin, brand, s));
        core.administration.createTopic(admin, brand, "bricolage", "Bricolage");
        core.administration.createTopic(admin, brand, "jardin", "Jardin");
        core.administration.createTopic(admin, brand, "livraison", "Livraison et retrait");

        long moderator = core.accounts.register("demo", "moderator@demo.example", PASSWORD, "Modo-Demo");
        long manager = core.accounts.register("demo", "manager@demo.example", PASSWORD, "Gerant-Lyon");
        core.accounts.register("demo", "customer@demo.example", PASSWORD, "Camille");
        core.accounts.register("demo", "lucas@demo.example", PASSWORD, "Lucas");
        core.administration.setRoles(admin, brand, moderator, Set.of(Role.MODERATOR), List.of());
        core.administration.setRoles(admin, brand, manager, Set.of(Role.STORE_MANAGER), List.of("LYON-PARTDIEU"));

        Caller camille = login(brand, "customer@demo.example");
        Caller lucas = login(brand, "lucas@demo.example");
        Caller gerant = login(brand, "manager@demo.example");

        Views.QuestionView drill = core.questions.ask(camille, brand, "Quelle perceuse pour du béton ?",
            "Je dois fixer des étagères sur un mur en **béton**. Perceuse à percussion ou perforateur ?", "bricolage",
            List.of("perceuse", "beton"));
        Views.AnswerView a1 = core.questions.answer(lucas, brand, drill.id(),
            "Pour du béton, prends un **perforateur** (SDS+) : la percussion mécanique peine vite.");
        core.questions.answer(gerant, brand, drill.id(),
            "Bonjour, nous avons des perforateurs en location au magasin de Lyon Part-Dieu.");
        core.votes.vote(camille, brand, a1.id(), 1);
        core.questions.accept(camille, brand, drill.id(), a1.id());

        Views.QuestionView lawn = core.questions.ask(lucas, brand, "When should I sow grass seed?",
            "My lawn has bare patches after the summer. Is autumn a good time to sow?", "jardin", List.of("lawn"));
        core.questions.answer(camille, brand, lawn.id(), "Early autumn is ideal: warm soil and regular rain.");
        core.votes.vote(camille, brand, lawn.id(), 1);
        core.questions.ask(camille, brand, "Retrait en magasin : combien de temps ?",
            "Ma commande est prête, combien de jours ai-je pour la retirer ?", "livraison", "LYON-PARTDIEU", List.of("retrait"));

        Views.ComplaintView late = core.complaints.file(camille, brand, "Commande introuvable au retrait",
            "Trois visites au point retrait de Lyon Part-Dieu, et ma commande reste introuvable.", "LYON-PARTDIEU", false);
        core.complaints.respond(gerant, brand, late.id(),
            "Toutes nos excuses : votre colis était mal rangé. Il vous attend à l'accueil, avec un bon de 10 €.");
        core.complaints.resolve(camille, brand, late.id(), true, 8, true);
        core.complaints.file(lucas, brand, "Rayon peinture vide depuis deux semaines",
            "Le rayon peinture de Lyon Part-Dieu est vide depuis deux semaines, personne ne sait quand il sera réapprovisionné.",
            "LYON-PARTDIEU", true);
        core.complaints.file(camille, brand, "Attente en caisse à Paris Bercy",
            "Quarante minutes d'attente samedi, une seule caisse ouverte.", "PARIS-BERCY", false);
        LOG.info("Demo brand 'demo' created: log in as admin@, moderator@, manager@ or customer@demo.example");
    }

    /**
     * Enables, for the demo brand, every capability as it gets installed (now and later), unless the brand already
     * chose it: a brand admin who turned one off keeps it off. Separate from the seeding so that tests start with
     * capabilities disabled. The choice dates from the brand's creation, so the demo's seeded history reaches every
     * subscriber that starts from the beginning (docs/plugins.md).
     */
    public void enableCapabilities() {
        core.capabilities.whenInstalled(capability -> core.brands.find("demo").ifPresent(brand -> {
            // as chosen when the brand was created: its seeded history is the capability's too
            if (core.capabilities.enableUnlessChosen(brand.id(), capability.name(), createdAt(core, brand))) {
                LOG.info("Demo brand 'demo': capability {} enabled", capability.name());
            }
        }));
    }

    static java.time.Instant createdAt(Core core, Brand brand) {
        return core.db.inTransaction(c -> org.entraide.jdbc.Sql.one(c, "SELECT created_at FROM brand WHERE id = ?",
            rs -> org.entraide.jdbc.Sql.instant(rs, "created_at"), brand.id()).orElseThrow());
    }

    private Caller login(Brand brand, String email) {
        String token = core.accounts.login(brand.slug(), email, PASSWORD).token();
        return core.accounts.authenticate("Bearer " + token).orElseThrow();
    }
}
