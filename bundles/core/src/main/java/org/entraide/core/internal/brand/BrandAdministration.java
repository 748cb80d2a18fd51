package org.entraide.core.internal.brand;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.entraide.api.model.Brand;
import org.entraide.api.model.Role;
import org.entraide.api.model.Store;
import org.entraide.api.model.Topic;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.content.TextRules;
import org.entraide.core.internal.db.Database;
import org.entraide.jdbc.Sql;
import org.entraide.core.internal.security.PasswordHasher;
import org.entraide.core.internal.security.PasswordPolicy;
import org.entraide.core.internal.user.Users;

/** What instance administrators and brand admins change: brands, stores, topics and member roles. */
public final class BrandAdministration {
    /** A new store or the new values of an existing one. */
    public record StoreData(String code, String name, String city, String postalCode, Double latitude, Double longitude) {
    }

    /** A member as brand admins see them: the e-mail is shown to admins only. */
    public record Member(long id, String pseudonym, String email, Set<Role> roles, List<String> storeCodes) {
    }

    private final Database db;
    private final BrandDirectory directory;
    private final Users users;
    private final PasswordHasher hasher;
    private final Clock clock;

    public BrandAdministration(Database db, BrandDirectory directory, Users users, PasswordHasher hasher, Clock clock) {
        this.db = db;
        this.directory = directory;
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Creates a brand and its first brand admin account, in one transaction. */
    public Brand createBrand(String slug, String name, String adminEmail, String adminPassword, String adminPseudonym) {
        PasswordPolicy.check("adminPassword", adminPassword, adminEmail, adminPseudonym);
        String hash = hasher.hash(adminPassword);
        return db.inTransaction(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM brand WHERE slug = ?", slug) > 0) {
                throw ProblemException.conflict("a brand with slug '" + slug + "' exists");
            }
            long id = Sql.insert(c, "INSERT INTO brand (slug, name, created_at) VALUES (?, ?, ?)",
                slug, TextRules.clean(name, true), clock.instant());
            long admin = users.create(c, id, TextRules.normalizeEmail(adminEmail), TextRules.clean(adminPseudonym, true),
                hash, clock.instant());
            users.setRoles(c, id, admin, admin, Set.of(Role.BRAND_ADMIN), Set.of());
            return new Brand(id, slug, TextRules.clean(name, true));
        });
    }

    /** Creates the store, or updates it when the brand has one with that code. */
    public Store saveStore(Caller admin, Brand brand, StoreData s) {
        requireAdmin(admin, brand);
        return db.inTransaction(c -> {
            var existing = directory.storeByCode(c, brand.id(), s.code());
            if (existing.isPresent()) {
                Sql.update(c, "UPDATE store SET name = ?, city = ?, postal_code = ?, latitude = ?, longitude = ? WHERE id = ?",
                    TextRules.clean(s.name(), true), TextRules.clean(s.city(), true), s.postalCode(), s.latitude(),
                    s.longitude(), existing.get().id());
            } else {
                Sql.insert(c, "INSERT INTO store (brand_id, code, name, city, postal_code, latitude, longitude) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", brand.id(), s.code(), TextRules.clean(s.name(), true),
                    TextRules.clean(s.city(), true), s.postalCode(), s.latitude(), s.longitude());
            }
            return directory.storeByCode(c, brand.id(), s.code()).orElseThrow();
        });
    }

    public Topic createTopic(Caller admin, Brand brand, String slug, String name) {
        requireAdmin(admin, brand);
        return db.inTransaction(c -> {
            if (directory.topic(c, brand.id(), slug).isPresent()) {
                throw ProblemException.conflict("a topic with slug '" + slug + "' exists");
            }
            long id = Sql.insert(c, "INSERT INTO topic (brand_id, slug, name) VALUES (?, ?, ?)",
                brand.id(), slug, TextRules.clean(name, true));
            return new Topic(id, brand.id(), slug, TextRules.clean(name, true));
        });
    }

    /** Replaces a member's roles; a STORE_MANAGER must be bound to at least one store of the brand. */
    public Member setRoles(Caller admin, Brand brand, long userId, Set<Role> roles, List<String> storeCodes) {
        requireAdmin(admin, brand);
        if (roles.contains(Role.STORE_MANAGER) && storeCodes.isEmpty()) {
            throw ProblemException.invalid("storeCodes", "a store manager needs at least one store");
        }
        if (!roles.contains(Role.STORE_MANAGER) && !storeCodes.isEmpty()) {
            throw ProblemException.invalid("storeCodes", "only store managers are bound to stores");
        }
        if (userId == admin.userId() && !roles.contains(Role.BRAND_ADMIN)) {
            throw ProblemException.conflict("a brand admin cannot remove their own admin role");
        }
        return db.inTransaction(c -> {
            member(c, brand, userId);
            Set<Long> storeIds = new HashSet<>();
            for (String code : storeCodes) {
                storeIds.add(directory.storeByCode(c, brand.id(), code)
                    .orElseThrow(() -> ProblemException.invalid("storeCodes", "no store with code '" + code + "'")).id());
            }
            users.setRoles(c, brand.id(), admin.userId(), userId, roles, storeIds);
            return member(c, brand, userId);
        });
    }

    public Member member(Caller admin, Brand brand, long userId) {
        requireAdmin(admin, brand);
        return db.inTransaction(c -> member(c, brand, userId));
    }

    private Member member(java.sql.Connection c, Brand brand, long userId) {
        Users.Account a = users.byId(c, userId).filter(u -> u.brandId() == brand.id())
            .orElseThrow(() -> ProblemException.notFound("no member " + userId + " in brand " + brand.slug()));
        List<String> codes = Sql.list(c, "SELECT s.code FROM store_manager m JOIN store s ON s.id = m.store_id "
            + "WHERE m.user_id = ? ORDER BY s.code", rs -> rs.getString(1), userId);
        return new Member(a.id(), a.pseudonym(), a.email(), users.roles(c, userId), codes);
    }

    static void requireAdmin(Caller caller, Brand brand) {
        if (caller.brandId() != brand.id() || !caller.has(Role.BRAND_ADMIN)) {
            throw ProblemException.forbidden("brand admins of " + brand.slug() + " only");
        }
    }

}
