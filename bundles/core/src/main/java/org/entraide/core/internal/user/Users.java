package org.entraide.core.internal.user;

import java.sql.Connection;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.entraide.api.event.EventLog;
import org.entraide.api.event.MemberRegistered;
import org.entraide.api.event.RoleGranted;
import org.entraide.api.event.RoleRevoked;
import org.entraide.api.model.Role;
import org.entraide.api.problem.ProblemException;
import org.entraide.jdbc.Sql;

/** Accounts and their roles, within the caller's transaction. */
public final class Users {
    /** An account row, with what authentication needs. */
    public record Account(long id, long brandId, String email, String pseudonym, String passwordHash, Instant createdAt,
                          Instant emailVerifiedAt, String locale) {
        public boolean verified() {
            return emailVerifiedAt != null;
        }
    }

    private static final String ACCOUNT_COLUMNS = "id, brand_id, email, pseudonym, password_hash, created_at, email_verified_at, locale";

    private final EventLog events;

    public Users(EventLog events) {
        this.events = events;
    }

    /**
     * Creates an account with the CUSTOMER role.
     * @throws ProblemException 409 when the e-mail or the pseudonym is taken in that brand
     */
    public long create(Connection c, long brandId, String email, String pseudonym, String passwordHash, Instant now) {
        return create(c, brandId, email, pseudonym, passwordHash, now, true);
    }

    /**
     * The same; {@code verified}: whether the address is known to be the member's (a seeded or admin-made account),
     * otherwise it waits for the link sent to it.
     */
    public long create(Connection c, long brandId, String email, String pseudonym, String passwordHash, Instant now,
                       boolean verified) {
        String key = pseudonym.toLowerCase(Locale.ROOT);
        if (Sql.count(c, "SELECT COUNT(*) FROM app_user WHERE brand_id = ? AND email = ?", brandId, email) > 0) {
            throw ProblemException.conflict("an account with this e-mail already exists");
        }
        requirePseudonymFree(c, brandId, key, 0, now);
        long id;
        try {
            id = Sql.insert(c, "INSERT INTO app_user (brand_id, email, pseudonym, pseudonym_key, password_hash, created_at, "
                + "email_verified_at) VALUES (?, ?, ?, ?, ?, ?, ?)", brandId, email, pseudonym, key, passwordHash, now,
                verified ? now : null);
        } catch (Sql.Failure e) {
            if (e.isUniqueViolation()) {
                throw ProblemException.conflict("an account with this e-mail or pseudonym already exists");
            }
            throw e;
        }
        Sql.update(c, "INSERT INTO user_role (user_id, role) VALUES (?, ?)", id, Role.CUSTOMER.name());
        events.append(c, brandId, id, id, new MemberRegistered(id, pseudonym));
        return id;
    }

    /**
     * @throws ProblemException 409 when another account of the brand has that pseudonym (whatever its case) or gave it up
     *                          less than 30 days ago; a taken pseudonym is public, so saying so leaks nothing
     */
    public void requirePseudonymFree(Connection c, long brandId, String key, long exceptUserId, Instant now) {
        if (Sql.count(c, "SELECT COUNT(*) FROM app_user WHERE brand_id = ? AND pseudonym_key = ? AND id <> ?", brandId, key,
                exceptUserId) > 0
            || Sql.count(c, "SELECT COUNT(*) FROM pseudonym_reservation WHERE brand_id = ? AND pseudonym_key = ? "
                + "AND user_id <> ? AND reserved_until > ?", brandId, key, exceptUserId, now) > 0) {
            throw ProblemException.conflict(PSEUDONYM_TAKEN);
        }
    }

    public static final String PSEUDONYM_TAKEN = "this pseudonym is taken";

    /** {@code base}, or {@code base-2}, {@code base-3}... the first free in the brand; a random suffix past 999. */
    public String freePseudonym(Connection c, long brandId, String base, Instant now) {
        for (int i = 1; i < 1000; i++) {
            String candidate = i == 1 ? base : base + "-" + i;
            try {
                requirePseudonymFree(c, brandId, candidate.toLowerCase(Locale.ROOT), 0, now);
                return candidate;
            } catch (ProblemException taken) {
                // next number
            }
        }
        return base.substring(0, Math.min(base.length(), 17)) + "-"
            + org.entraide.core.internal.security.Tokens.newToken().substring(0, 12).replace('_', '.');
    }

    public Optional<Account> byEmail(Connection c, long brandId, String email) {
        return Sql.one(c, "SELECT " + ACCOUNT_COLUMNS + " FROM app_user "
            + "WHERE brand_id = ? AND email = ?", rs -> account(rs), brandId, email);
    }

    public Optional<Account> byId(Connection c, long userId) {
        return Sql.one(c, "SELECT " + ACCOUNT_COLUMNS + " FROM app_user WHERE id = ?",
            rs -> account(rs), userId);
    }

    /**
     * The accounts of that brand among those ids, with their roles and managed stores, in three statements per chunk
     * of ids whatever their number (a plugin's page of rows costs a fixed number of reads).
     */
    public List<Member> members(Connection c, long brandId, java.util.Collection<Long> ids) {
        List<Long> distinct = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        List<Member> found = new java.util.ArrayList<>();
        for (int from = 0; from < distinct.size(); from += IN_CHUNK) {
            List<Long> chunk = distinct.subList(from, Math.min(distinct.size(), from + IN_CHUNK));
            String in = " IN (" + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")";
            List<Object> params = new java.util.ArrayList<>(List.of(brandId));
            params.addAll(chunk);
            List<Account> accounts = Sql.list(c, "SELECT " + ACCOUNT_COLUMNS + " FROM app_user "
                + "WHERE brand_id = ? AND id" + in, rs -> account(rs), params.toArray());
            java.util.Map<Long, Set<Role>> roles = new java.util.HashMap<>();
            Sql.list(c, "SELECT user_id, role FROM user_role WHERE user_id" + in, rs -> roles.computeIfAbsent(rs.getLong(1),
                k -> EnumSet.noneOf(Role.class)).add(Role.valueOf(rs.getString(2))), chunk.toArray());
            java.util.Map<Long, Set<Long>> stores = new java.util.HashMap<>();
            Sql.list(c, "SELECT user_id, store_id FROM store_manager WHERE user_id" + in, rs -> stores.computeIfAbsent(
                rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2)), chunk.toArray());
            for (Account a : accounts) {
                found.add(new Member(a, roles.getOrDefault(a.id(), Set.of()), stores.getOrDefault(a.id(), Set.of())));
            }
        }
        return found;
    }

    /** An account with its roles and the stores it manages. */
    public record Member(Account account, Set<Role> roles, Set<Long> managedStores) {
    }

    private static final int IN_CHUNK = 500;

    public Set<Role> roles(Connection c, long userId) {
        List<String> names = Sql.list(c, "SELECT role FROM user_role WHERE user_id = ?", rs -> rs.getString(1), userId);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(n -> roles.add(Role.valueOf(n)));
        return roles;
    }

    public Set<Long> managedStores(Connection c, long userId) {
        return new HashSet<>(Sql.list(c, "SELECT store_id FROM store_manager WHERE user_id = ?", rs -> rs.getLong(1), userId));
    }

    /**
     * Replaces the roles of a user (CUSTOMER is always kept) and the stores a manager is bound to.
     * Each granted or revoked role is an event.
     */
    public void setRoles(Connection c, long brandId, long actorId, long userId, Set<Role> wanted, Set<Long> storeIds) {
        Set<Role> target = EnumSet.copyOf(wanted.isEmpty() ? EnumSet.of(Role.CUSTOMER) : wanted);
        target.add(Role.CUSTOMER);
        Set<Role> before = roles(c, userId);
        for (Role r : target) {
            if (!before.contains(r)) {
                Sql.update(c, "INSERT INTO user_role (user_id, role) VALUES (?, ?)", userId, r.name());
                events.append(c, brandId, actorId, userId, new RoleGranted(userId, r));
            }
        }
        for (Role r : before) {
            if (!target.contains(r)) {
                Sql.update(c, "DELETE FROM user_role WHERE user_id = ? AND role = ?", userId, r.name());
                events.append(c, brandId, actorId, userId, new RoleRevoked(userId, r));
            }
        }
        Sql.update(c, "DELETE FROM store_manager WHERE user_id = ?", userId);
        if (target.contains(Role.STORE_MANAGER)) {
            for (Long storeId : storeIds) {
                Sql.update(c, "INSERT INTO store_manager (user_id, store_id) VALUES (?, ?)", userId, storeId);
            }
        }
    }

    private static Account account(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Account(rs.getLong("id"), rs.getLong("brand_id"), rs.getString("email"), rs.getString("pseudonym"),
            rs.getString("password_hash"), Sql.instant(rs, "created_at"), Sql.instant(rs, "email_verified_at"),
            rs.getString("locale"));
    }
}
