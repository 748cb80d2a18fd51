package org.entraide.core.internal.privacy;

import java.time.Clock;
import java.time.Instant;

import org.entraide.api.event.EventLog;
import org.entraide.api.model.Brand;
import org.entraide.api.privacy.MemberErased;
import org.entraide.api.privacy.PersonalData;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.db.Database;
import org.entraide.core.internal.post.Posts;
import org.entraide.core.internal.security.PasswordHasher;
import org.entraide.core.internal.user.Users;
import org.entraide.jdbc.Sql;

/**
 * Closes a member's account for good, at their request and with their current password. One transaction: the
 * brand's policy for their public posts, then every bundle's {@link PersonalData} (the core's last), the
 * {@code user.erased} event and an audit line that names nobody. A crash before the commit leaves the account whole,
 * to be closed again; a failure of any bundle erases nothing.
 */
public final class Erasure {
    private final Database db;
    private final Users users;
    private final PasswordHasher hasher;
    private final PrivacyPolicies policies;
    private final PersonalDataServices services;
    private final Posts posts;
    private final EventLog events;
    private final Clock clock;

    public Erasure(Database db, Users users, PasswordHasher hasher, PrivacyPolicies policies, PersonalDataServices services,
                   Posts posts, EventLog events, Clock clock) {
        this.db = db;
        this.users = users;
        this.hasher = hasher;
        this.policies = policies;
        this.services = services;
        this.posts = posts;
        this.events = events;
        this.clock = clock;
    }

    public void erase(Caller caller, Brand brand, String password) {
        if (caller.brandId() != brand.id()) {
            throw ProblemException.notFound("no account of yours in " + brand.slug());
        }
        long userId = caller.userId();
        Users.Account account = db.inTransaction(c -> users.byId(c, userId)).orElseThrow(
            () -> ProblemException.notFound("no account of yours in " + brand.slug()));
        // an unattended session must not be enough to close the account
        if (password == null || !hasher.verify(password, account.passwordHash())) {
            throw ProblemException.invalid("currentPassword", "give your current password to close your account");
        }
        db.inTransaction(c -> {
            Instant now = clock.instant();
            if (Sql.count(c, "SELECT COUNT(*) FROM app_user WHERE id = ? AND erased_at IS NULL", userId) == 0) {
                return null;
            }
            boolean remove = policies.of(c, brand.id()).erasedPosts() == PrivacyPolicies.ErasedPosts.REMOVE;
            int removed = remove ? posts.removeAllOf(c, userId, now) : 0;
            if (remove) {
                // comments follow the posts: removed (their text gone) or kept under the former member's name
                removed += Sql.update(c, "UPDATE post_comment SET body = '', body_html = '', deleted_at = ? "
                    + "WHERE author_id = ? AND deleted_at IS NULL", now, userId);
            }
            // the plugins first, while the core still answers who the member is (their address, for logs keyed by it)
            java.util.List<PersonalData> all = new java.util.ArrayList<>(services.all());
            java.util.Collections.reverse(all);
            for (PersonalData p : all) {
                p.erase(brand.id(), userId);
            }
            events.append(c, brand.id(), null, userId, new MemberErased(userId));
            Sql.update(c, "INSERT INTO privacy_audit (brand_id, action, detail, at) VALUES (?, ?, ?, ?)", brand.id(),
                "erasure", "an account was closed at its owner's request; " + removed + " posts removed", now);
            return null;
        });
    }
}
