package org.entraide.core.internal.rest;

import org.entraide.core.internal.instance.InstanceCapabilities;
import org.entraide.core.internal.instance.InstanceSessions;
import org.entraide.core.internal.paging.Items;
import org.entraide.core.internal.rest.openapi.Doc;

/**
 * The instance console's API, for instance administrators (HTTP Basic, or a console session's bearer token): the
 * capabilities the distribution offers, installed, uninstalled and upgraded live as jobs the console polls.
 */
public final class InstanceConsoleRoutes extends ApiRoutes {
    private final InstanceCapabilities capabilities;
    private final InstanceSessions sessions;
    private final InstanceAdminCheck admins;

    public InstanceConsoleRoutes(ApiDispatcher dispatcher, InstanceCapabilities capabilities, InstanceSessions sessions,
                                 InstanceAdminCheck admins) {
        super(dispatcher);
        this.capabilities = capabilities;
        this.sessions = sessions;
        this.admins = admins;
    }

    @Override
    public void configure() {
        post("/instance/sessions", "instance.sessions.create", Doc.of("Open an instance console session with an instance "
                + "administrator's Basic credentials; its token (30 minutes) is then sent as a bearer token")
                .created(InstanceSessions.Session.class).basic().errors(429), r -> {
            String admin = admins.require(r);
            return ApiReply.created(BASE + "/instance/sessions/current", sessions.open(admin));
        });
        delete("/instance/sessions/current", "instance.sessions.delete", Doc.of("Sign the console session out")
                .noContent().instance().errors(429), r -> {
            admins.requireConsole(r, sessions);
            String header = r.authorizationHeader();
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                sessions.close(header.substring(7).strip());
            }
            return ApiReply.noContent();
        });
        get("/instance/capabilities", "instance.capabilities.list", Doc.of("The Entraide features of the distribution's "
                + "repositories: versions, description, installed versions, brands that enable each")
                .itemsOf(InstanceCapabilities.CapabilityView.class).instance().errors(429, 503), r -> {
            admins.requireConsole(r, sessions);
            return ApiReply.ok(new Items<>(capabilities.list()));
        });
        post("/instance/capabilities/{name}/install", "instance.capabilities.install", Doc.of("Install a capability "
                + "(the newest version unless one is named), as a job to poll; 409 when installed or part of the platform")
                .body(Requests.VersionChoice.class).accepted(InstanceCapabilities.JobView.class).instance().errors(409, 429, 503), r -> {
            admins.requireConsole(r, sessions);
            Requests.VersionChoice choice = r.body(Requests.VersionChoice.class);
            return ApiReply.accepted(capabilities.install(r.path("name"), choice.version()));
        });
        post("/instance/capabilities/{name}/upgrade", "instance.capabilities.upgrade", Doc.of("Upgrade an installed "
                + "capability (to the newest version unless one is named): the new version is installed, then the old "
                + "one uninstalled, as a job to poll").body(Requests.VersionChoice.class).accepted(InstanceCapabilities.JobView.class)
                .instance().errors(409, 429, 503), r -> {
            admins.requireConsole(r, sessions);
            Requests.VersionChoice choice = r.body(Requests.VersionChoice.class);
            return ApiReply.accepted(capabilities.upgrade(r.path("name"), choice.version()));
        });
        post("/instance/capabilities/{name}/uninstall", "instance.capabilities.uninstall", Doc.of("Uninstall a "
                + "capability (brands' choices are kept for a later installation), as a job to poll; 409 for the "
                + "platform's own features").accepted(InstanceCapabilities.JobView.class).instance().errors(409, 429, 503), r -> {
            admins.requireConsole(r, sessions);
            return ApiReply.accepted(capabilities.uninstall(r.path("name")));
        });
        get("/instance/jobs", "instance.jobs.list", Doc.of("This node's latest install, uninstall and upgrade jobs, "
                + "newest first").itemsOf(InstanceCapabilities.JobView.class).instance().errors(429), r -> {
            admins.requireConsole(r, sessions);
            return ApiReply.ok(new Items<>(capabilities.jobs()));
        });
        get("/instance/jobs/{id}", "instance.jobs.get", Doc.of("A job of this node: its state, steps in words and error")
                .returns(InstanceCapabilities.JobView.class).instance().errors(429), r -> {
            admins.requireConsole(r, sessions);
            return ApiReply.ok(capabilities.job(r.pathId("id")));
        });
    }
}
