package org.entraide.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The instance console under {@code /instance}, for instance administrators (Karaf's JAAS {@code admin} role): the
 * capabilities the distribution offers, installed, uninstalled and upgraded live, with each job's progress.
 *
 * <p>Signing in sends the administrator's user name and password once to the API, which answers a console session
 * token (30 minutes, stored hashed); the cookie holds that token, never the password. The cookie is HttpOnly,
 * SameSite=Strict and scoped to {@code /instance}; forms carry a token derived from the session (before sign-in, a
 * random value also kept in a Strict cookie), and a POST from another origin is refused. Failed sign-ins are
 * throttled by the API as every instance administrator's Basic login.
 */
final class InstanceConsole {
    static final String PREFIX = "/instance";
    static final String SESSION = "entraide_instance";
    static final String ANONYMOUS = "entraide_instance_csrf";
    private static final Pattern ACTION = Pattern.compile(PREFIX + "/capabilities/(entraide-[a-z0-9-]{1,60})/(install|uninstall|upgrade)");
    private static final Pattern JOB = Pattern.compile(PREFIX + "/jobs/([0-9]{1,18})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiClient api;
    private final Templates templates;

    InstanceConsole(ApiClient api, Templates templates) {
        this.api = api;
        this.templates = templates;
    }

    static boolean handles(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    WebReply handle(WebRequest request, Locale locale) {
        Session s = new Session(request, locale);
        String path = request.path();
        boolean get = "GET".equals(request.method()) || "HEAD".equals(request.method());
        if (request.isPost() && !s.genuinePost()) {
            return s.reply(page(s, 403, Map.of("error", "form.expired")));
        }
        if (path.equals(PREFIX) && get) {
            return s.reply(s.token == null ? signIn(s, 200, null) : home(s, 200, null));
        }
        if (path.equals(PREFIX + "/login") && request.isPost()) {
            return s.reply(login(s));
        }
        if (path.equals(PREFIX + "/logout") && request.isPost()) {
            if (s.token != null) {
                api.call("DELETE", "/instance/sessions/current", s.token, null);
            }
            s.clear();
            return s.reply(WebReply.seeOther(PREFIX));
        }
        Matcher action = ACTION.matcher(path);
        if (action.matches() && request.isPost()) {
            if (s.token == null) {
                return s.reply(signIn(s, 401, "instance.signinNeeded"));
            }
            Map<String, Object> body = new HashMap<>();
            String version = request.field("version");
            if (!action.group(2).equals("uninstall")) {
                if (!version.isEmpty()) {
                    body.put("version", version);
                }
            } else {
                body = null;
            }
            ApiClient.Answer a = api.call("POST", "/instance/capabilities/" + action.group(1) + "/" + action.group(2),
                s.token, body);
            if (a.status() == 401) {
                s.clear();
                return s.reply(signIn(s, 401, "instance.signinNeeded"));
            }
            if (a.status() == 202) {
                return s.reply(WebReply.seeOther(PREFIX + "/jobs/" + a.body().path("id").asLong()));
            }
            return s.reply(home(s, a.status(), a.detail()));
        }
        Matcher job = JOB.matcher(path);
        if (job.matches() && get) {
            if (s.token == null) {
                return s.reply(WebReply.seeOther(PREFIX));
            }
            ApiClient.Answer a = api.call("GET", "/instance/jobs/" + job.group(1), s.token, null);
            if (a.status() == 401) {
                s.clear();
                return s.reply(signIn(s, 401, "instance.signinNeeded"));
            }
            if (a.status() != 200) {
                return s.reply(page(s, 404, Map.of("error", "instance.noJob")));
            }
            Map<String, Object> model = new HashMap<>();
            model.put("view", "job");
            model.put("job", Models.json(a.body()));
            model.put("running", running(a.body()));
            return s.reply(page(s, 200, model));
        }
        boolean known = path.equals(PREFIX) || path.equals(PREFIX + "/login") || path.equals(PREFIX + "/logout")
            || action.matches() || job.matches();
        return s.reply(WebReply.of(templates.page(known ? 405 : 404, "not-found", locale, new HashMap<>())));
    }

    private WebReply login(Session s) {
        String user = s.request.field("user");
        String password = s.request.raw("password");
        if (user.isEmpty() || password.isEmpty() || user.length() > 100 || password.length() > 200) {
            return signIn(s, 422, "instance.missing");
        }
        ApiClient.Answer a = api.basic("POST", "/instance/sessions", user, password);
        if (a.status() == 429) {
            return signIn(s, 429, "login.tooMany");
        }
        if (a.status() != 201) {
            return signIn(s, 401, "instance.failed");
        }
        s.open(a.body().path("token").asText());
        return WebReply.seeOther(PREFIX);
    }

    private WebReply signIn(Session s, int status, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("view", "signin");
        if (error != null) {
            model.put("error", error);
        }
        return page(s, status, model);
    }

    private WebReply home(Session s, int status, String refusal) {
        ApiClient.Answer list = api.call("GET", "/instance/capabilities", s.token, null);
        if (list.status() == 401) {
            s.clear();
            return signIn(s, 401, "instance.signinNeeded");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("view", "home");
        if (list.status() == 200) {
            model.put("capabilities", Models.json(list.body().path("items")));
        } else {
            model.put("unavailable", list.detail());
        }
        ApiClient.Answer jobs = api.call("GET", "/instance/jobs", s.token, null);
        List<Object> recent = new ArrayList<>();
        boolean running = false;
        if (jobs.status() == 200) {
            for (JsonNode j : jobs.body().path("items")) {
                if (recent.size() < 10) {
                    recent.add(Models.json(j));
                }
                running |= running(j);
            }
        }
        model.put("jobs", recent);
        model.put("running", running);
        if (refusal != null) {
            model.put("refusal", refusal);
        }
        return page(s, status == 200 ? 200 : status, model);
    }

    private static boolean running(JsonNode job) {
        String state = job.path("state").asText();
        return state.equals("QUEUED") || state.equals("RUNNING");
    }

    private WebReply page(Session s, int status, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.putIfAbsent("view", "message");
        model.put("csrf", s.csrf());
        model.put("signedIn", s.token != null);
        model.put("here", PREFIX);
        return WebReply.of(templates.page(status, "instance", s.locale, model));
    }

    /** The administrator's console session as this request carries it, and the cookies the reply sets. */
    private static final class Session {
        final WebRequest request;
        final Locale locale;
        String token;
        private String csrf;
        private final List<String> cookies = new ArrayList<>();

        Session(WebRequest request, Locale locale) {
            this.request = request;
            this.locale = locale;
            String t = request.cookies().get(SESSION);
            this.token = t != null && t.matches("[A-Za-z0-9_-]{43}") ? t : null;
        }

        void open(String newToken) {
            token = newToken;
            csrf = null;
            cookies.add(SESSION + "=" + newToken + "; Path=" + PREFIX + "; Max-Age=1800; HttpOnly; SameSite=Strict" + secure());
        }

        void clear() {
            token = null;
            csrf = null;
            cookies.add(SESSION + "=; Path=" + PREFIX + "; Max-Age=0; HttpOnly; SameSite=Strict" + secure());
        }

        String csrf() {
            if (csrf == null) {
                if (token != null) {
                    csrf = hash(token);
                } else {
                    String existing = request.cookies().get(ANONYMOUS);
                    if (existing != null && existing.matches("[A-Za-z0-9_-]{32,64}")) {
                        csrf = existing;
                    } else {
                        byte[] bytes = new byte[24];
                        RANDOM.nextBytes(bytes);
                        csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                        cookies.add(ANONYMOUS + "=" + csrf + "; Path=" + PREFIX + "; Max-Age=7200; HttpOnly; SameSite=Strict"
                            + secure());
                    }
                }
            }
            return csrf;
        }

        boolean genuinePost() {
            if (!request.sameOrigin()) {
                return false;
            }
            String sent = request.field("csrf");
            String expected = token != null ? hash(token) : request.cookies().get(ANONYMOUS);
            return expected != null && !sent.isEmpty()
                && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
        }

        WebReply reply(WebReply reply) {
            cookies.forEach(reply::cookie);
            return reply;
        }

        private String secure() {
            return request.secure() ? "; Secure" : "";
        }

        private static String hash(String token) {
            try {
                byte[] d = MessageDigest.getInstance("SHA-256").digest(("entraide-instance-form|" + token)
                    .getBytes(StandardCharsets.UTF_8));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
