package org.entraide.notifications.internal;

import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.entraide.api.model.Brand;
import org.entraide.api.model.PostType;
import org.entraide.api.model.Role;
import org.entraide.api.problem.FieldError;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;
import org.entraide.api.web.Cursor;
import org.entraide.api.web.CursorPaging;

/** What members, brand admins and unsubscribe links do with notifications over HTTP. */
final class NotificationApi {
    /** One kind's channel in a request body. */
    record KindChannel(String kind, String channel) {
    }

    /** The body of {@code PUT .../me/notification-preferences}: either part may be left out. */
    record Preferences(String language, List<KindChannel> kinds) {
    }

    /** The body of {@code PUT .../notifications/defaults}. */
    record Defaults(List<KindChannel> kinds) {
    }

    /** The body of {@code POST .../me/notifications/viewing}: the page the member has in front of them. */
    record Viewing(String threadType, Long threadId) {
    }

    /** The body of {@code PUT .../me/follows}. */
    record Follow(String targetType, String targetKey, String level) {
    }

    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9-]{0,29}");

    private final Transactions tx;
    private final NotificationStore store;
    private final Platform platform;
    private final NotificationSettings settings;
    private final Supplier<UnsubscribeTokens> tokens;
    private final Clock clock;

    NotificationApi(Transactions tx, NotificationStore store, Platform platform, NotificationSettings settings,
                    Supplier<UnsubscribeTokens> tokens, Clock clock) {
        this.tx = tx;
        this.store = store;
        this.platform = platform;
        this.settings = settings;
        this.tokens = tokens;
        this.clock = clock;
    }

    // ---- the bell and the notifications page

    /**
     * The member's notifications, newest first, by page number (the first pages) or after the {@code next} cursor of
     * the previous page, which reads a range of an index however many the member has. The cursor names the member and
     * the {@code unread} filter: another member's, or the other filter's, is a 400.
     */
    ApiResult list(ApiCall call) {
        Caller me = member(call);
        CursorPaging paging = CursorPaging.of(call);
        boolean unreadOnly = bool(call.query("unread"), "unread");
        String requested = call.query("lang");
        if (requested != null && !Texts.LANGUAGES.contains(requested)) {
            throw ProblemException.invalid("lang", "must be fr or en");
        }
        String slug = call.brand().slug();
        String scope = "notifications|" + me.userId() + "|" + unreadOnly;
        Cursor after = paging.cursor(me.brandId(), scope);
        return ApiResult.ok(tx.inTransaction(c -> {
            String lang = requested != null ? requested : language(c, me.userId());
            List<NotificationStore.Row> rows = store.page(c, me.brandId(), me.userId(), unreadOnly,
                after == null ? null : after.number(), paging.limit(), paging.offset());
            // the unread count comes with the total when a numbered page needs one: one scan of the member's rows
            long[] unread = {-1};
            LongSupplier total = () -> {
                NotificationStore.Counts n = store.counts(c, me.brandId(), me.userId(), unreadOnly);
                unread[0] = n.unread();
                return n.total();
            };
            Map<String, Object> out = new LinkedHashMap<>(paging.answer(rows, r -> Cursor.after(r.id(), r.id()), me.brandId(), scope,
                r -> item(r, slug, lang), total));
            out.put("unread", unread[0] >= 0 ? unread[0] : store.count(c, me.brandId(), me.userId(), true));
            return out;
        }));
    }

    private static Map<String, Object> item(NotificationStore.Row r, String slug, String lang) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", r.id());
        item.put("kind", r.kind());
        item.put("createdAt", r.createdAt().toString());
        item.put("read", r.readAt() != null);
        item.put("link", r.linkPath().replace(Draft.BRAND, slug));
        item.put("text", Texts.line(r.kind(), r.params(), lang));
        return item;
    }

    ApiResult count(ApiCall call) {
        Caller me = member(call);
        return ApiResult.ok(Map.of("unread", tx.inTransaction(c -> store.count(c, me.brandId(), me.userId(), true))));
    }

    ApiResult read(ApiCall call) {
        Caller me = member(call);
        long id = call.pathId("id");
        tx.inTransaction(c -> {
            if (!store.markRead(c, me.brandId(), me.userId(), id, clock.instant())) {
                throw ProblemException.notFound("no notification " + id);
            }
            return null;
        });
        return ApiResult.noContent();
    }

    ApiResult readAll(ApiCall call) {
        Caller me = member(call);
        tx.inTransaction(c -> {
            store.markAllRead(c, me.brandId(), me.userId(), clock.instant());
            return null;
        });
        return ApiResult.noContent();
    }

    /**
     * The member has a question's or a complaint's page in front of them: what happens on it within the thread window
     * is not e-mailed to them (it stays in the bell). Pages call it when shown; it tells nothing about the thread.
     */
    ApiResult viewing(ApiCall call) {
        Caller me = member(call);
        Viewing body = call.body(Viewing.class);
        if (body == null || body.threadType() == null || !List.of("question", "complaint").contains(body.threadType())) {
            throw ProblemException.invalid("threadType", "must be question or complaint");
        }
        if (body.threadId() == null || body.threadId() < 1) {
            throw ProblemException.invalid("threadId", "must be a positive id");
        }
        tx.inTransaction(c -> {
            store.viewed(c, me.brandId(), me.userId(), body.threadType(), body.threadId(), clock.instant());
            return null;
        });
        return ApiResult.noContent();
    }

    // ---- preferences

    ApiResult preferences(ApiCall call) {
        Caller me = member(call);
        return ApiResult.ok(tx.inTransaction(c -> preferencesOf(c, me)));
    }

    ApiResult setPreferences(ApiCall call) {
        Caller me = member(call);
        Preferences body = call.body(Preferences.class);
        if (body.language() != null && !Texts.LANGUAGES.contains(body.language())) {
            throw ProblemException.invalid("language", "must be fr or en");
        }
        List<Object[]> choices = checked(body.kinds());
        return ApiResult.ok(tx.inTransaction(c -> {
            if (body.language() != null) {
                store.setLanguage(c, me.brandId(), me.userId(), body.language());
            }
            for (Object[] kc : choices) {
                store.setChannel(c, me.brandId(), me.userId(), (Kind) kc[0], (Channel) kc[1]);
            }
            return preferencesOf(c, me);
        }));
    }

    private Map<String, Object> preferencesOf(Connection c, Caller me) {
        Map<String, Channel> defaults = store.brandDefaults(c, me.brandId());
        Map<String, Channel> mine = store.memberChoices(c, me.userId());
        List<Map<String, Object>> kinds = new ArrayList<>();
        for (Kind k : Kind.ALL) {
            Channel def = defaults.getOrDefault(k.key(), k.builtInDefault());
            kinds.add(Map.of("kind", k.key(), "channel", mine.getOrDefault(k.key(), def).key(), "default", def.key()));
        }
        return Map.of("language", language(c, me.userId()), "kinds", kinds);
    }

    ApiResult defaults(ApiCall call) {
        Brand brand = admin(call);
        return ApiResult.ok(tx.inTransaction(c -> defaultsOf(c, brand.id())));
    }

    ApiResult setDefaults(ApiCall call) {
        Brand brand = admin(call);
        List<Object[]> choices = checked(call.body(Defaults.class).kinds());
        return ApiResult.ok(tx.inTransaction(c -> {
            for (Object[] kc : choices) {
                store.setBrandDefault(c, brand.id(), (Kind) kc[0], (Channel) kc[1]);
            }
            return defaultsOf(c, brand.id());
        }));
    }

    private Map<String, Object> defaultsOf(Connection c, long brandId) {
        Map<String, Channel> defaults = store.brandDefaults(c, brandId);
        return Map.of("kinds", Kind.ALL.stream().map(k -> Map.of("kind", k.key(), "channel",
            defaults.getOrDefault(k.key(), k.builtInDefault()).key(), "builtIn", k.builtInDefault().key())).toList());
    }

    /** Each kind and channel known, or a 400 naming the first wrong field. */
    private static List<Object[]> checked(List<KindChannel> kinds) {
        List<Object[]> out = new ArrayList<>();
        if (kinds == null) {
            return out;
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            KindChannel kc = kinds.get(i);
            Kind kind = kc == null ? null : Kind.of(kc.kind());
            Channel channel = kc == null ? null : Channel.of(kc.channel());
            if (kind == null) {
                errors.add(new FieldError("kinds[" + i + "].kind", "unknown kind: " + (kc == null ? null : kc.kind())));
            }
            if (channel == null) {
                errors.add(new FieldError("kinds[" + i + "].channel", "must be off, app, email, daily or weekly"));
            }
            out.add(new Object[] {kind, channel});
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return out;
    }

    // ---- follows

    ApiResult follows(ApiCall call) {
        Caller me = member(call);
        return ApiResult.ok(Map.of("items", tx.inTransaction(c -> store.follows(c, me.brandId(), me.userId()))));
    }

    ApiResult follow(ApiCall call) {
        Caller me = member(call);
        Follow body = call.body(Follow.class);
        Target target = target(body.targetType(), body.targetKey());
        if (body.level() == null || !Target.LEVELS.contains(body.level())) {
            throw ProblemException.invalid("level", "must be watching, tracking or muted");
        }
        tx.inTransaction(c -> {
            exists(c, me.brandId(), target);
            store.follow(c, me.brandId(), me.userId(), target, body.level(), clock.instant());
            return null;
        });
        return ApiResult.ok(Map.of("targetType", target.type(), "targetKey", target.key(), "level", body.level()));
    }

    ApiResult unfollow(ApiCall call) {
        Caller me = member(call);
        Target target = target(call.query("targetType"), call.query("targetKey"));
        tx.inTransaction(c -> {
            store.unfollow(c, me.brandId(), me.userId(), target);
            return null;
        });
        return ApiResult.noContent();
    }

    private static Target target(String type, String key) {
        if (type == null || !Target.TYPES.contains(type)) {
            throw ProblemException.invalid("targetType", "must be question, topic, tag or store");
        }
        if (key == null || key.isBlank() || key.length() > 64) {
            throw ProblemException.invalid("targetKey", "required, 64 characters at most");
        }
        return new Target(type, key.trim());
    }

    /** The target exists in the brand, as the platform knows it; a 404 naming it otherwise. */
    private void exists(Connection c, long brandId, Target t) {
        boolean found = switch (t.type()) {
            case "question" -> t.key().matches("[1-9][0-9]{0,17}") && platform.posts().post(c, brandId, Long.parseLong(t.key()))
                .filter(p -> p.type() == PostType.QUESTION).isPresent();
            case "topic" -> platform.brands().topicBySlug(c, brandId, t.key()).isPresent();
            case "store" -> platform.stores().byCode(c, brandId, t.key()).isPresent();
            default -> {
                if (!TAG.matcher(t.key()).matches()) {
                    throw ProblemException.invalid("targetKey", "a tag is lower-case letters, digits and '-', 30 at most");
                }
                yield true;
            }
        };
        if (!found) {
            throw ProblemException.notFound("no " + t.type() + " '" + t.key() + "'");
        }
    }

    // ---- one-click unsubscribe (RFC 8058)

    /**
     * What a POST to the same link would do ({@link OneClickUnsubscribe}); changes nothing, so that link scanners change
     * nothing.
     */
    ApiResult describeUnsubscribe(ApiCall call) {
        UnsubscribeTokens.Claim claim = claim(call);
        return ApiResult.ok(Map.of("kind", claim.kind(), "channel", Channel.APP.key()));
    }

    private UnsubscribeTokens.Claim claim(ApiCall call) {
        Brand brand = call.brand();
        UnsubscribeTokens.Claim claim = tokens.get().verify(call.query("token"));
        if (claim == null || claim.brandId() != brand.id()) {
            throw ProblemException.invalid("token", "not a valid unsubscribe link of this brand");
        }
        return claim;
    }

    // ---- who may call

    /** A signed-in member of the URL's brand (401 anonymous, 403 another brand's token). */
    private Caller member(ApiCall call) {
        Caller me = call.caller();
        Brand brand = call.brand();
        if (me.brandId() != brand.id()) {
            throw ProblemException.forbidden("members of " + brand.slug() + " only");
        }
        return me;
    }

    private Brand admin(ApiCall call) {
        Caller me = member(call);
        if (!me.has(Role.BRAND_ADMIN)) {
            throw ProblemException.forbidden("brand admins of " + call.brand().slug() + " only");
        }
        return call.brand();
    }

    private String language(Connection c, long member) {
        return store.language(c, member).orElse(settings.defaultLanguage());
    }

    private static boolean bool(String v, String name) {
        if (v == null || v.isBlank()) {
            return false;
        }
        if (!"true".equals(v) && !"false".equals(v)) {
            throw ProblemException.invalid(name, "must be true or false");
        }
        return "true".equals(v);
    }
}
