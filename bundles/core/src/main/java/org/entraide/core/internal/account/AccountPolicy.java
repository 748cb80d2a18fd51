package org.entraide.core.internal.account;

import java.sql.Connection;

import org.entraide.api.model.PostType;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.post.NewPost;
import org.entraide.core.internal.post.Posts;
import org.entraide.jdbc.Sql;

/**
 * What a brand lets an account do before its e-mail address is verified. By default it reads and asks (questions
 * and answers) but files no complaint, so that the address a store manager may be shown is real. Staff posts
 * (official responses) are never held back: staff accounts are made by the brand.
 */
public final class AccountPolicy implements Posts.AuthorCheck {
    /** A brand's choice. */
    public record Policy(boolean unverifiedMayAsk, boolean unverifiedMayComplain) {
        public static final Policy DEFAULT = new Policy(true, false);
    }

    public Policy of(Connection c, long brandId) {
        return Sql.one(c, "SELECT unverified_may_ask, unverified_may_complain FROM brand_account_policy WHERE brand_id = ?",
            rs -> new Policy(rs.getBoolean(1), rs.getBoolean(2)), brandId).orElse(Policy.DEFAULT);
    }

    public void set(Connection c, long brandId, Policy p) {
        if (Sql.update(c, "UPDATE brand_account_policy SET unverified_may_ask = ?, unverified_may_complain = ? WHERE brand_id = ?",
                p.unverifiedMayAsk(), p.unverifiedMayComplain(), brandId) == 0) {
            Sql.update(c, "INSERT INTO brand_account_policy (brand_id, unverified_may_ask, unverified_may_complain) "
                + "VALUES (?, ?, ?)", brandId, p.unverifiedMayAsk(), p.unverifiedMayComplain());
        }
    }

    @Override
    public void require(Connection c, Caller author, NewPost post) {
        boolean complaint = post.type() == PostType.COMPLAINT;
        if (!complaint && post.type() != PostType.QUESTION && post.type() != PostType.ANSWER) {
            return;
        }
        boolean verified = Sql.count(c, "SELECT COUNT(*) FROM app_user WHERE id = ? AND email_verified_at IS NOT NULL",
            author.userId()) > 0;
        if (verified) {
            return;
        }
        Policy p = of(c, post.brandId());
        if (complaint ? !p.unverifiedMayComplain() : !p.unverifiedMayAsk()) {
            throw new ProblemException(403, "email-unverified", "E-mail address not verified",
                "confirm your e-mail address first: open the link we sent you, or ask for a new one "
                    + "(POST /api/v1/brands/" + author.brandSlug() + "/me/email-verification)", null, null);
        }
    }
}
