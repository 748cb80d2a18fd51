package org.entraide.core.internal.post;

import org.entraide.api.model.Role;
import org.entraide.api.security.Caller;

/** Who sees a post that is not published: its author and the brand's moderators and admins. */
public final class Visibility {
    private Visibility() {
    }

    static boolean canSee(PostRow p, Caller caller) {
        if (p.isPublished()) {
            return true;
        }
        if (caller == null || caller.brandId() != p.brandId()) {
            return false;
        }
        return caller.userId() == p.authorId() || caller.has(Role.MODERATOR) || caller.has(Role.BRAND_ADMIN);
    }

    /** The caller acts in their own brand only. */
    /** 403 unless the caller is a member of the brand: accounts act in their own brand only. */
    public static void requireBrand(Caller caller, long brandId, String slug) {
        if (caller.brandId() != brandId) {
            throw org.entraide.api.problem.ProblemException.forbidden("your account belongs to another brand than " + slug);
        }
    }
}
