package org.entraide.channels.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.entraide.api.channels.StoreThanked;
import org.entraide.api.event.EventLog;
import org.entraide.api.model.Brand;
import org.entraide.api.model.Role;
import org.entraide.api.model.Store;
import org.entraide.api.platform.Stores;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.storage.Transactions;
import org.entraide.api.text.MultiLine;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;

/** What visitors, members and staff do with a store's channels over HTTP. */
final class ChannelsApi {
    /** Thanks to a store's team; the message is optional, the source says which door it came through. */
    record Thank(@MultiLine @Size(max = 1000) String message, @Pattern(regexp = "form|qr|widget") String source) {
    }

    /** A brand's channel settings. */
    record Settings(@Size(max = EmbedOrigins.MAX) List<@Size(max = 200) String> embedOrigins,
                    @Pattern(regexp = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+")
                    @Size(max = 253) String inboundDomain,
                    @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(20480) Integer attachmentMaxKilobytes) {
    }

    private static final int RECENT = 20;

    private final Transactions tx;
    private final Stores stores;
    private final EventLog events;
    private final ThanksStore store;
    private final IntakeStore intake;
    private final ChannelSettings settings;
    private final Clock clock;

    ChannelsApi(Transactions tx, Stores stores, EventLog events, ThanksStore store, IntakeStore intake, ChannelSettings settings,
                Clock clock) {
        this.intake = intake;
        this.tx = tx;
        this.stores = stores;
        this.events = events;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** The QR code of the store's feedback page, in the media type the client accepts. */
    ApiResult qr(ApiCall call) {
        Brand brand = call.brand();
        Store s = tx.inTransaction(c -> storeOf(c, brand, call.path("code")));
        String type = ImageChoice.of(call.header("Accept"));
        if (type == null) {
            throw new ProblemException(406, "not-acceptable", "Not acceptable",
                "the QR code is served as " + ImageChoice.PNG + " or " + ImageChoice.SVG, null, null);
        }
        String url = feedbackUrl(brand, s);
        return ApiResult.bytes(type, type.equals(ImageChoice.PNG) ? QrCodes.png(url, settings.qrSize()) : QrCodes.svg(url));
    }

    String feedbackUrl(Brand brand, Store s) {
        return settings.publicBaseUrl() + "/b/" + brand.slug() + "/stores/" + s.code() + "/feedback?from=qr";
    }

    /** Anyone may thank a store's team, within a rate limit per member or per address for visitors. */
    ApiResult thank(ApiCall call) {
        Brand brand = call.brand();
        Optional<Caller> caller = call.optionalCaller();
        Thank body = call.body(Thank.class);
        String message = body.message() == null || body.message().isBlank() ? null : body.message();
        String source = body.source() == null ? "form" : body.source();
        Long userId = caller.map(Caller::userId).orElse(null);
        String sender = userId != null ? "u:" + userId : "a:" + hash(call.clientAddress());
        int limit = userId != null ? settings.thanksPerHourMember() : settings.thanksPerHourAnonymous();
        Instant now = clock.instant();
        long id = tx.inTransaction(c -> {
            Store s = storeOf(c, brand, call.path("code"));
            if (store.sentSince(c, brand.id(), sender, now.minus(Duration.ofHours(1))) >= limit) {
                throw ProblemException.tooManyRequests("at most " + limit + " thanks an hour", 3600);
            }
            long thanksId = store.add(c, brand.id(), s.id(), userId, sender, source, message, now);
            events.append(c, brand.id(), userId, s.id(), new StoreThanked(thanksId, s.id(), s.code(), userId, source));
            return thanksId;
        });
        return ApiResult.created("/api/v1/brands/" + brand.slug() + "/stores/" + call.path("code") + "/thanks",
            Map.of("id", id));
    }

    /**
     * The store's thanks, counted for everyone; the recent messages for the store's managers, moderators and the
     * brand's admins only (a visitor's words are not published without review).
     */
    ApiResult thanks(ApiCall call) {
        Brand brand = call.brand();
        Optional<Caller> caller = call.optionalCaller();
        Instant now = clock.instant();
        return ApiResult.ok(tx.inTransaction(c -> {
            Store s = storeOf(c, brand, call.path("code"));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("storeCode", s.code());
            out.put("thanks", store.count(c, brand.id(), s.id(), Instant.EPOCH));
            out.put("thanksLast30Days", store.count(c, brand.id(), s.id(), now.minus(Duration.ofDays(30))));
            if (caller.filter(k -> k.managesStore(s.id()) || k.has(Role.MODERATOR) || k.has(Role.BRAND_ADMIN)).isPresent()) {
                out.put("recent", store.recent(c, brand.id(), s.id(), RECENT));
            }
            return out;
        }));
    }

    ApiResult settings(ApiCall call) {
        Brand brand = admin(call);
        return ApiResult.ok(tx.inTransaction(c -> view(c, brand)));
    }

    ApiResult saveSettings(ApiCall call) {
        Brand brand = admin(call);
        Settings body = call.body(Settings.class);
        List<String> origins = EmbedOrigins.check(body.embedOrigins());
        if (body.attachmentMaxKilobytes() != null && body.attachmentMaxKilobytes() * 1024L > settings.attachmentMaxBytes()) {
            throw ProblemException.invalid("attachmentMaxKilobytes", "at most " + settings.attachmentMaxBytes() / 1024
                + ", the platform's limit");
        }
        return ApiResult.ok(tx.inTransaction(c -> {
            if (body.inboundDomain() != null && intake.domainTakenByAnother(c, brand.id(), body.inboundDomain())) {
                throw ProblemException.conflict("another brand receives the e-mail of " + body.inboundDomain());
            }
            store.saveSettings(c, brand.id(), origins, body.inboundDomain(), body.attachmentMaxKilobytes(), clock.instant());
            return view(c, brand);
        }));
    }

    /** The origins that may frame the widget: public, they are what a browser is told anyway. */
    ApiResult embed(ApiCall call) {
        Brand brand = call.brand();
        return ApiResult.ok(Map.of("embedOrigins", tx.inTransaction(c -> store.embedOrigins(c, brand.id()))));
    }

    private Map<String, Object> view(Connection c, Brand brand) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("embedOrigins", store.embedOrigins(c, brand.id()));
        out.put("inboundDomain", store.inboundDomain(c, brand.id()));
        out.put("attachmentMaxKilobytes", store.attachmentMaxKilobytes(c, brand.id()));
        return out;
    }

    private Store storeOf(Connection c, Brand brand, String code) {
        return stores.byCode(c, brand.id(), code).orElseThrow(() -> ProblemException.notFound("no store " + code));
    }

    private static Brand admin(ApiCall call) {
        Brand brand = call.brand();
        if (!call.caller().has(Role.BRAND_ADMIN)) {
            throw ProblemException.forbidden("brand admins of " + brand.slug() + " only");
        }
        return brand;
    }

    /** Visitors' addresses are kept only as a hash, enough to count their thanks. */
    private static String hash(String address) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(("entraide-thanks:" + address).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
