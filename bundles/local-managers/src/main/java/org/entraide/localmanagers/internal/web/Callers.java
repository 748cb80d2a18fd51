package org.entraide.localmanagers.internal.web;

import org.entraide.api.model.Role;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.web.ApiCall;

/** Who may call: members of the URL's brand, or its admins. */
final class Callers {
    private Callers() {
    }

    static Caller member(ApiCall call) {
        Caller caller = call.caller();
        if (caller.brandId() != call.brand().id()) {
            throw ProblemException.forbidden("members of " + call.brand().slug() + " only");
        }
        return caller;
    }

    static Caller admin(ApiCall call) {
        Caller caller = member(call);
        if (!caller.has(Role.BRAND_ADMIN)) {
            throw ProblemException.forbidden("brand admins of " + call.brand().slug() + " only");
        }
        return caller;
    }
}
