package org.entraide.web.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Routes a request under {@code /b/{brand}} to its page or form handler. Every POST must come from one of our
 * forms ({@link Visit#genuinePost}); pages that need a member send visitors to the sign-in page first.
 */
final class Site {
    private static final String BRAND = "/b/([a-z0-9-]{2,40})";
    private static final Pattern BRAND_PREFIX = Pattern.compile(BRAND + "(?:/.*)?");

    /** A page or a form: the visit, the brand (as the API describes it) and the path's groups after the brand. */
    interface Handler {
        WebReply handle(Visit visit, JsonNode brand, Matcher path);
    }

    private record Route(String method, Pattern pattern, boolean membersOnly, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final ApiClient api;
    private final Templates templates;
    private final PageSupport replies;
    private final InstanceConsole instance;

    Site(ApiClient api, Templates templates, java.util.function.IntSupplier sitemapMaxUrls) {
        this.api = api;
        this.templates = templates;
        this.replies = new PageSupport(api, templates) { };
        this.instance = new InstanceConsole(api, templates);
        Pages pages = new Pages(api, templates);
        Sitemaps sitemaps = new Sitemaps(api, templates, sitemapMaxUrls);
        AccountForms accounts = new AccountForms(api, templates);
        PostForms posts = new PostForms(api, templates);
        ComplaintPages complaints = new ComplaintPages(api, templates);
        ManagerConsole manager = new ManagerConsole(api, templates);
        RankingPages rankings = new RankingPages(api, templates);
        ModerationConsole moderation = new ModerationConsole(api, templates);
        AdminConsole admin = new AdminConsole(api, templates);
        AdminExtras adminExtras = new AdminExtras(api, templates, admin);
        ProfilePages profiles = new ProfilePages(api, templates);
        NotificationPages notifications = new NotificationPages(api, templates);
        OutboxPages outbox = new OutboxPages(api, templates);
        BroadcastPages broadcasts = new BroadcastPages(api, templates);
        get("/?", false, pages::home);
        get("/questions/([0-9]{1,18})(?:/[^/]*)?", false, pages::question);
        get("/sitemap\\.xml", false, sitemaps::index);
        get("/sitemaps/(pages|question|complaint|store|topic|tag|profile)-([0-9]{1,6})\\.xml", false, sitemaps::file);
        BrowsePages browse = new BrowsePages(api, templates);
        get("/questions", false, browse::questions);
        get("/topics/([a-z0-9-]{1,40})", false, browse::topic);
        get("/tags/([a-z0-9-]{1,30})", false, browse::tag);
        Feeds feeds = new Feeds(api, templates);
        get("/topics/([a-z0-9-]{1,40})/feed\\.atom", false, feeds::topic);
        get("/tags/([a-z0-9-]{1,30})/feed\\.atom", false, feeds::tag);
        get("/stores/([A-Za-z0-9_-]{1,32})/feed\\.atom", false, feeds::store);
        get("/search", false, new SearchPages(api, templates)::search);
        get("/login", false, accounts::loginForm);
        post("/login", false, accounts::login);
        get("/register", false, accounts::registerForm);
        post("/register", false, accounts::register);
        post("/logout", false, accounts::logout);
        SsoPages sso = new SsoPages(api, templates);
        get("/sso/start", false, sso::start);
        get("/sso/callback", false, sso::callback);
        AccountPages account = new AccountPages(api, templates);
        get("/verify-email", false, account::verifyEmail);
        post("/me/email-verification", true, account::resendVerification);
        get("/forgot-password", false, account::forgotForm);
        post("/forgot-password", false, account::forgot);
        get("/reset-password", false, account::resetForm);
        post("/reset-password", false, account::reset);
        MySpace mySpace = new MySpace(api, templates);
        get("/me", true, mySpace::overview);
        get("/me/(questions|answers|complaints)", true, mySpace::kind);
        get("/me/account", true, account::account);
        post("/me/account/profile", true, account::saveProfile);
        post("/me/account/email", true, account::changeEmail);
        post("/me/account/password", true, account::changePassword);
        post("/me/account/avatar", true, account::uploadAvatar);
        post("/me/drafts/([a-z]{3,20}(?:-[a-z0-9-]{1,40})?)", true, new DraftForms(api, templates)::saveFromScript);
        post("/me/account/avatar/remove", true, account::removeAvatar);
        post("/me/account/sessions/([0-9a-f]{16})/revoke", true, account::revokeSession);
        post("/me/account/sessions/revoke-others", true, account::revokeOthers);
        post("/me/account/export", true, account::askExport);
        get("/me/account/exports/([0-9]{1,18})", true, account::downloadExport);
        post("/me/account/close", true, account::close);
        get("/ask", true, posts::askForm);
        post("/ask", true, posts::ask);
        post("/ask/proposals", true, posts::proposals);
        post("/questions/([0-9]{1,18})/answers", true, posts::answer);
        post("/posts/([0-9]{1,18})/vote", true, posts::vote);
        post("/questions/([0-9]{1,18})/accept", true, posts::accept);
        post("/questions/([0-9]{1,18})/duplicate", true, new DuplicatePages(api, templates)::close);
        StaffNotePages staffNotes = new StaffNotePages(api, templates);
        post("/posts/([0-9]{1,18})/staff-note", true, staffNotes::save);
        post("/posts/([0-9]{1,18})/staff-note/deletion", true, staffNotes::remove);
        post("/posts/([0-9]{1,18})/flag", true, posts::flag);
        CommentPages comments = new CommentPages(api, templates);
        post("/posts/([0-9]{1,18})/comments", true, comments::add);
        post("/comments/([0-9]{1,18})/edit", true, comments::edit);
        post("/comments/([0-9]{1,18})/delete", true, comments::delete);
        post("/comments/([0-9]{1,18})/publish", true, comments::publish);
        get("/members\\.json", true, comments::members);
        ContentPages content = new ContentPages(api, templates);
        get("/posts/([0-9]{1,18})/edit", true, content::editForm);
        post("/posts/([0-9]{1,18})/edit", true, content::edit);
        post("/posts/([0-9]{1,18})/delete", true, content::delete);
        get("/posts/([0-9]{1,18})/history", false, content::history);
        get("/complaints", false, new ComplaintList(api, templates)::list);
        get("/complaints/new", true, complaints::form);
        post("/complaints/new", true, complaints::file);
        get("/complaints/([0-9]{1,18})", false, complaints::page);
        post("/complaints/([0-9]{1,18})/resolution", true, complaints::resolve);
        post("/complaints/([0-9]{1,18})/reopening", true, complaints::reopen);
        post("/complaints/([0-9]{1,18})/messages", true, complaints::reply);
        post("/complaints/([0-9]{1,18})/attachments", true, complaints::attach);
        get("/complaints/([0-9]{1,18})/attachments/([0-9]{1,18})", true, complaints::attachment);
        post("/complaints/([0-9]{1,18})/messages/([0-9]{1,18})/report", true, complaints::reportMessage);
        get("/users/([0-9]{1,18})", false, profiles::profile);
        get("/leaderboard", false, profiles::leaderboard);
        get("/rankings", false, rankings::ranking);
        get("/stores/([A-Za-z0-9_-]{1,32})", false, rankings::store);
        get("/incidents/([0-9]{1,18})", false, new IncidentPages(api, templates)::page);
        IncidentConsole incidents = new IncidentConsole(api, templates);
        IncidentForms incidentForms = new IncidentForms(api, templates, incidents);
        get(IncidentConsole.PATH, true, incidents::console);
        post(IncidentConsole.PATH, true, incidents::declare);
        get(IncidentConsole.PATH + "/([0-9]{1,18})", true, incidentForms::staff);
        post(IncidentConsole.PATH + "/([0-9]{1,18})/statements", true, incidentForms::publish);
        post(IncidentConsole.PATH + "/([0-9]{1,18})/items", true, incidentForms::attach);
        post(IncidentConsole.PATH + "/([0-9]{1,18})/closure", true, incidentForms::close);
        get("/me/moderation", true, moderation::mine);
        post("/me/moderation/appeals", true, moderation::appeal);
        get("/moderation", true, moderation::queue);
        post("/moderation/queue/([0-9]{1,18})/claim", true, moderation::claim);
        post("/moderation/queue/([0-9]{1,18})/decision", true, moderation::decide);
        post("/moderation/dry-run", true, moderation::dryRun);
        post("/moderation/sanctions", true, moderation::sanction);
        post("/moderation/appeals/([0-9]{1,18})/decision", true, moderation::decideAppeal);
        get("/moderation/rulesets", true, moderation::ruleSets);
        post("/moderation/rulesets", true, moderation::saveRuleSet);
        get("/moderation/audit\\.csv", true, moderation::auditCsv);
        get("/admin", true, admin::home);
        get("/admin/dashboard", true, admin::dashboard);
        post("/admin/features", true, admin::features);
        post("/admin/topics", true, admin::topic);
        post("/admin/stores", true, admin::importStores);
        post("/admin/reputation", true, admin::reputation);
        post("/admin/roles", true, admin::roles);
        post("/admin/store-settings", true, admin::storeSettings);
        post("/admin/deadlines", true, admin::deadlines);
        post("/admin/formula", true, admin::formula);
        post("/admin/new-store", true, admin::createStore);
        post("/admin/sso", true, (visit, brand, m) -> sso.save(visit, brand, m, admin));
        post("/admin/webhooks", true, adminExtras::createWebhook);
        post("/admin/api-keys", true, adminExtras::createApiKey);
        post("/admin/api-keys/([0-9]{1,18})/revocation", true, adminExtras::revokeApiKey);
        post("/admin/webhooks/([0-9]{1,18})/deletion", true, adminExtras::deleteWebhook);
        post("/admin/badges", true, adminExtras::saveBadge);
        post("/admin/regions", true, adminExtras::saveRegion);
        get("/manager", true, manager::inbox);
        get("/manager/complaints/([0-9]{1,18})", true, manager::complaint);
        post("/manager/complaints/([0-9]{1,18})/response", true, manager::respond);
        post("/manager/complaints/([0-9]{1,18})/message", true, manager::ask);
        post("/manager/complaints/([0-9]{1,18})/messages/([0-9]{1,18})/report", true, manager::reportMessage);
        post("/manager/complaints/([0-9]{1,18})/delegation", true, manager::delegate);
        post("/manager/complaints/([0-9]{1,18})/handover", true, manager::handOver);
        post("/manager/complaints/([0-9]{1,18})/complainant", true, manager::revealIdentity);
        post("/manager/complaints/([0-9]{1,18})/moderation-request", true, manager::requestModeration);
        post("/manager/absences", true, manager::absence);
        get("/admin/mail", true, outbox::list);
        get("/admin/mail/([0-9]{1,18})", true, outbox::message);
        get("/admin/broadcasts", true, broadcasts::page);
        post("/admin/broadcasts", true, broadcasts::send);
        get("/me/notifications", true, notifications::list);
        get("/me/notifications/([0-9]{1,18})", true, notifications::open);
        post("/me/notifications/read-all", true, notifications::readAll);
        get("/me/notifications/preferences", true, notifications::preferences);
        post("/me/notifications/preferences", true, notifications::savePreferences);
        post("/questions/([0-9]{1,18})/follow", true, notifications::follow);
        KnowledgePages knowledge = new KnowledgePages(api, templates);
        get("/articles", false, knowledge::list);
        get("/articles/new", true, knowledge::newForm);
        post("/articles/new", true, knowledge::create);
        get("/articles/([0-9]{1,18})", false, knowledge::article);
        get("/articles/([0-9]{1,18})/edit", true, knowledge::editForm);
        post("/articles/([0-9]{1,18})/edit", true, knowledge::edit);
        post("/articles/([0-9]{1,18})/helpful", true, knowledge::helpful);
        post("/posts/([0-9]{1,18})/promote", true, knowledge::promote);
        get("/knowledge/reviews", true, knowledge::reviews);
        get("/unsubscribe", false, notifications::unsubscribeForm);
        post("/unsubscribe", false, notifications::unsubscribe);
        ChannelPages channels = new ChannelPages(api, templates);
        get("/stores/([A-Za-z0-9_-]{1,32})/feedback", false, channels::feedback);
        post("/stores/([A-Za-z0-9_-]{1,32})/thanks", false, channels::thank);
        get("/stores/([A-Za-z0-9_-]{1,32})/poster", false, channels::poster);
        get("/embed", false, channels::embed);
        get("/intake/([A-Za-z0-9_-]{20,100})", false, channels::intakeForm);
        post("/intake/([A-Za-z0-9_-]{20,100})", false, channels::intake);
    }

    private void get(String path, boolean membersOnly, Handler h) {
        routes.add(new Route("GET", Pattern.compile(BRAND + path), membersOnly, h));
    }

    private void post(String path, boolean membersOnly, Handler h) {
        routes.add(new Route("POST", Pattern.compile(BRAND + path), membersOnly, h));
    }

    /**
     * The page of a request refused before its form was read: {@code limit} fills the message's {@code {limit}},
     * {@code form} says whether the visitor has a form to go back to.
     */
    String refusal(Locale locale, String messageKey, String limit, boolean form, String home) {
        return templates.render("refusal", locale, java.util.Map.of("messageKey", messageKey, "limit", limit, "form", form, "home", home));
    }

    WebReply handle(WebRequest request, Locale locale) {
        if (InstanceConsole.handles(request.path())) {
            return instance.handle(request, locale);
        }
        boolean knownPath = false;
        for (Route route : routes) {
            Matcher m = route.pattern().matcher(request.path());
            if (!m.matches()) {
                continue;
            }
            knownPath = true;
            if (!route.method().equals(request.method()) && !("HEAD".equals(request.method()) && "GET".equals(route.method()))) {
                continue;
            }
            String slug = m.group(1);
            JsonNode brand = api.get("/brands/" + slug);
            Visit visit = Visit.of(request, locale, slug, api);
            if (brand == null) {
                return visit.reply(replies.notFound(visit));
            }
            if (route.membersOnly() && !visit.signedIn()) {
                if (request.isPost()) {
                    return visit.reply(replies.message(visit, brand, 401, "signin.needed"));
                }
                return visit.reply(WebReply.seeOther(visit.base() + "/login?next=" + urlEncode(request.path())));
            }
            if (request.isPost() && !visit.genuinePost()) {
                return visit.reply(replies.message(visit, brand, 403, "form.expired"));
            }
            return visit.reply(route.handler().handle(visit, brand, m));
        }
        return unknownPath(request, locale, knownPath ? 405 : 404);
    }

    /** No page here: under an existing brand's prefix the answer keeps that brand's header and navigation. */
    private WebReply unknownPath(WebRequest request, Locale locale, int status) {
        Matcher m = BRAND_PREFIX.matcher(request.path());
        if (m.matches()) {
            JsonNode brand = api.get("/brands/" + m.group(1));
            if (brand != null) {
                Visit visit = Visit.of(request, locale, m.group(1), api);
                return visit.reply(replies.render(visit, brand, status, "not-found", new HashMap<>()));
            }
        }
        return WebReply.of(templates.page(status, "not-found", locale, new HashMap<>()));
    }

    static String urlEncode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
