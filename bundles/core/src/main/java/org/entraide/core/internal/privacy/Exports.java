package org.entraide.core.internal.privacy;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.entraide.api.mail.Mail;
import org.entraide.api.mail.OutgoingMail;
import org.entraide.api.model.Brand;
import org.entraide.api.privacy.PersonalData;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.db.Database;
import org.entraide.jdbc.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member's copy of everything Entraide holds about them. Asking stores a PENDING row; the export job (a timer on
 * every node, rows claimed FOR UPDATE SKIP LOCKED) builds the archive from every bundle's {@link PersonalData}, stores
 * it with the row (READY) and e-mails its owner. The archive is downloaded by its owner only, signed in, for
 * {@link #VALID_FOR}; then it is dropped (EXPIRED). A restart loses nothing: a PENDING row waits for the next tick.
 */
public final class Exports {
    private static final Logger LOG = LoggerFactory.getLogger(Exports.class);
    public static final Duration VALID_FOR = Duration.ofHours(48);
    /** Archives a member may have asked for in a day: building one reads everything they ever wrote. */
    public static final int PER_DAY = 3;

    public enum State { PENDING, READY, EXPIRED }

    /** One export as its owner sees it; the archive is at {@code download} while READY. */
    public record Export(long id, State state, Instant requestedAt, Instant readyAt, Instant expiresAt, String download) {
    }

    private final Database db;
    private final PersonalDataServices services;
    private final Mail mail;
    private final ObjectMapper json;
    private final Clock clock;
    private volatile String baseUrl = "http://localhost:8181";

    public Exports(Database db, PersonalDataServices services, Mail mail, ObjectMapper json, Clock clock) {
        this.db = db;
        this.services = services;
        this.mail = mail;
        this.json = json;
        this.clock = clock;
    }

    public void setBaseUrl(String url) {
        if (url != null && !url.isBlank()) {
            String u = url.strip();
            this.baseUrl = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
        }
    }

    /** Asks for an archive: one is made at a time, at most {@link #PER_DAY} a day (429). */
    public Export request(Caller caller, Brand brand) {
        org.entraide.core.internal.post.Visibility.requireBrand(caller, brand.id(), brand.slug());
        return db.inTransaction(c -> {
            Instant now = clock.instant();
            // the account's row is locked, so that two requests at once make one export
            Sql.one(c, "SELECT id FROM app_user WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), caller.userId());
            if (Sql.count(c, "SELECT COUNT(*) FROM privacy_export WHERE user_id = ? AND state = 'PENDING'", caller.userId()) > 0) {
                throw ProblemException.conflict("an export is already being prepared");
            }
            if (Sql.count(c, "SELECT COUNT(*) FROM privacy_export WHERE user_id = ? AND requested_at > ?", caller.userId(),
                    now.minus(Duration.ofDays(1))) >= PER_DAY) {
                throw ProblemException.tooManyRequests("at most " + PER_DAY + " exports a day", 3600);
            }
            long id = Sql.insert(c, "INSERT INTO privacy_export (brand_id, user_id, state, requested_at) VALUES (?, ?, ?, ?)",
                brand.id(), caller.userId(), State.PENDING.name(), now);
            return one(c, brand, caller.userId(), id).orElseThrow();
        });
    }

    public List<Export> list(Caller caller, Brand brand) {
        org.entraide.core.internal.post.Visibility.requireBrand(caller, brand.id(), brand.slug());
        return db.inTransaction(c -> Sql.list(c, "SELECT id, state, requested_at, ready_at, expires_at FROM privacy_export "
            + "WHERE user_id = ? AND brand_id = ? ORDER BY id DESC", rs -> view(brand, rs.getLong("id"), rs.getString("state"),
            Sql.instant(rs, "requested_at"), Sql.instant(rs, "ready_at"), Sql.instant(rs, "expires_at")), caller.userId(),
            brand.id()));
    }

    /** The archive, to its owner only (another member's is a 404); 409 while pending, 410 once expired. */
    public JsonNode archive(Caller caller, Brand brand, long id) {
        org.entraide.core.internal.post.Visibility.requireBrand(caller, brand.id(), brand.slug());
        return db.inTransaction(c -> {
            Object[] row = Sql.one(c, "SELECT state, expires_at, archive FROM privacy_export WHERE id = ? AND user_id = ? "
                    + "AND brand_id = ?", rs -> new Object[] {rs.getString("state"), Sql.instant(rs, "expires_at"),
                    rs.getString("archive")}, id, caller.userId(), brand.id())
                .orElseThrow(() -> ProblemException.notFound("no export " + id + " of yours"));
            State state = State.valueOf((String) row[0]);
            if (state == State.PENDING) {
                throw ProblemException.conflict("the export is still being prepared");
            }
            if (state == State.EXPIRED || !((Instant) row[1]).isAfter(clock.instant()) || row[2] == null) {
                throw new ProblemException(410, "gone", "Gone", "this export expired; ask for a new one", null, null);
            }
            try {
                return json.readTree((String) row[2]);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("export " + id + " is not JSON", e);
            }
        });
    }

    /** Builds at most {@code max} pending archives, each in its own transaction; answers how many. */
    public int runDue(int max) {
        int done = 0;
        while (done < max && Boolean.TRUE.equals(db.inTransaction(this::buildOne))) {
            done++;
        }
        return done;
    }

    private Boolean buildOne(Connection c) {
        Instant now = clock.instant();
        Object[] row = Sql.one(c, "SELECT id, brand_id, user_id FROM privacy_export WHERE state = 'PENDING' ORDER BY id "
            + "FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED", rs -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
            .orElse(null);
        if (row == null) {
            return false;
        }
        long id = (Long) row[0];
        long brandId = (Long) row[1];
        long userId = (Long) row[2];
        Map<String, Object> archive = new LinkedHashMap<>();
        archive.put("format", "entraide-export/1");
        archive.put("generatedAt", now.toString());
        for (PersonalData p : services.all()) {
            archive.put(p.name(), p.export(brandId, userId));
        }
        String text;
        try {
            text = json.writeValueAsString(archive);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an export could not be written", e);
        }
        Sql.update(c, "UPDATE privacy_export SET state = 'READY', ready_at = ?, expires_at = ?, archive = ? WHERE id = ?",
            now, now.plus(VALID_FOR), text, id);
        tellOwner(c, brandId, userId);
        LOG.info("Export {} ready ({} characters)", id, text.length());
        return true;
    }

    private void tellOwner(Connection c, long brandId, long userId) {
        Sql.one(c, "SELECT u.email, u.locale, b.slug FROM app_user u JOIN brand b ON b.id = u.brand_id WHERE u.id = ? "
            + "AND u.erased_at IS NULL", rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, userId)
            .ifPresent(u -> {
                boolean en = "en".equals(u[1]);
                String page = baseUrl + "/b/" + u[2] + "/me/account";
                mail.queue(c, new OutgoingMail(brandId, "privacy-export-" + UUID.randomUUID(), u[0],
                    en ? "Your data is ready to download" : "Vos données sont prêtes à être téléchargées",
                    en ? "The copy of your data you asked for is ready. Sign in and download it from your account page within "
                        + "48 hours:\n\n" + page + "\n\nIf you did not ask for it, change your password."
                       : "La copie de vos données que vous avez demandée est prête. Connectez-vous et téléchargez-la depuis la "
                        + "page de votre compte dans les 48 heures :\n\n" + page
                        + "\n\nSi vous ne l'avez pas demandée, changez votre mot de passe.", null, Map.of()));
            });
    }

    /** Drops the archives past their time; answers how many. */
    public int expire() {
        return db.inTransaction(c -> Sql.update(c, "UPDATE privacy_export SET state = 'EXPIRED', archive = NULL "
            + "WHERE state = 'READY' AND expires_at <= ?", clock.instant()));
    }

    private java.util.Optional<Export> one(Connection c, Brand brand, long userId, long id) {
        return Sql.one(c, "SELECT id, state, requested_at, ready_at, expires_at FROM privacy_export WHERE id = ? AND user_id = ?",
            rs -> view(brand, rs.getLong("id"), rs.getString("state"), Sql.instant(rs, "requested_at"),
                Sql.instant(rs, "ready_at"), Sql.instant(rs, "expires_at")), id, userId);
    }

    private Export view(Brand brand, long id, String state, Instant requested, Instant ready, Instant expires) {
        State s = State.valueOf(state);
        if (s == State.READY && expires != null && !expires.isAfter(clock.instant())) {
            s = State.EXPIRED;
        }
        return new Export(id, s, requested, ready, expires,
            s == State.READY ? "/api/v1/brands/" + brand.slug() + "/me/exports/" + id + "/archive" : null);
    }
}
