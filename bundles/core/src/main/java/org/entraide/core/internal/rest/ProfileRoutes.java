package org.entraide.core.internal.rest;

import org.entraide.core.internal.rest.openapi.Doc;
import org.entraide.core.internal.user.Profiles;

/** Members' public profiles (the address a registration answers with). */
public final class ProfileRoutes extends ApiRoutes {
    private final Profiles profiles;

    public ProfileRoutes(ApiDispatcher dispatcher, Profiles profiles) {
        super(dispatcher);
        this.profiles = profiles;
    }

    @Override
    public void configure() {
        get("/brands/{brand}/users/{id}", "users.profile", Doc.of("A member's public profile: pseudonym, questions and answers "
                + "(never their complaints or e-mail address)").returns(Profiles.Profile.class),
            r -> ApiReply.ok(profiles.of(r.brand(), r.pathId("id"))));
    }
}
