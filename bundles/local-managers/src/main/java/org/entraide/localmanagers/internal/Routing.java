package org.entraide.localmanagers.internal;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.entraide.api.event.ComplaintFiled;
import org.entraide.api.event.ComplaintPublished;
import org.entraide.api.event.ComplaintResolved;
import org.entraide.api.event.ComplaintResponded;
import org.entraide.api.event.ComplaintUnresolved;
import org.entraide.api.event.DomainEvent;
import org.entraide.api.event.EventLog;
import org.entraide.api.event.EventReader;
import org.entraide.api.event.EventTypes;
import org.entraide.api.localmanagers.ComplaintAssigned;
import org.entraide.api.localmanagers.ComplaintDelegated;
import org.entraide.api.localmanagers.ComplaintEscalated;
import org.entraide.api.mail.Mail;
import org.entraide.api.plugin.BrandFeatures;
import org.entraide.api.mail.OutgoingMail;
import org.entraide.api.model.Store;
import org.entraide.api.platform.MemberFacts;
import org.entraide.api.platform.PostFacts;
import org.entraide.api.storage.Transactions;
import org.entraide.localmanagers.internal.hours.OpeningHours;
import org.entraide.localmanagers.internal.store.StoreSettings;
import org.entraide.localmanagers.internal.store.Timeline;
import org.entraide.jdbc.Sql;

/**
 * Routes each published complaint about a store to the store's first available manager (the primary, or a backup
 * during the primary's absence), with its deadlines counted in the store's opening hours, and follows it: the
 * first response stops the clock, the complainant's verdict is kept for the ranking. Runs in the dispatcher's
 * transaction, from the core's complaint events.
 */
public final class Routing {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Routing.class);
    private final Transactions tx;
    private final EventLog events;
    private final StoreSettings stores;
    private final Timeline timeline;
    private final Clock clock;
    private volatile Settings settings;
    private static final String NOTIFICATIONS = "notifications";
    private final Mail mail;
    /** Where the brand enabled notifications, they tell managers of assignments (in each one's language and channel). */
    private volatile BrandFeatures features = (brandId, capability) -> false;
    private final Platform platform;

    /** The brand-wide deadlines: first response, then the region's time before the central team. */
    public record Settings(Duration firstResponse, Duration regionTime) {
        public static Settings defaults() {
            return new Settings(Duration.ofHours(24), Duration.ofHours(24));
        }
    }

    public Routing(Transactions tx, EventLog events, StoreSettings stores, Timeline timeline, Settings settings, Mail mail,
                   Platform platform, Clock clock) {
        this.platform = platform;
        this.mail = mail;
        this.tx = tx;
        this.events = events;
        this.stores = stores;
        this.timeline = timeline;
        this.settings = settings;
        this.clock = clock;
    }

    public void configure(Settings s) {
        this.settings = s;
    }

    /** The configured defaults. */
    public Settings defaults() {
        return settings;
    }

    /** The brand's deadlines: its own when its admin set them, the configured defaults otherwise. */
    public Settings settingsOf(Connection c, long brandId) {
        return Sql.one(c, "SELECT first_response_hours, region_hours FROM lm_brand_deadline WHERE brand_id = ?",
            rs -> new Settings(Duration.ofHours(rs.getInt(1)), Duration.ofHours(rs.getInt(2))), brandId).orElse(settings);
    }

    public void apply(DomainEvent e) {
        tx.inTransaction(c -> {
            EventReader read = platform.events();
            switch (e.type()) {
                case EventTypes.COMPLAINT_PUBLISHED -> published(c, e, read.read(e, ComplaintPublished.class).storeId());
                case EventTypes.COMPLAINT_FILED -> {
                    ComplaintFiled filed = read.read(e, ComplaintFiled.class);
                    // written before complaint.published existed (no publication), a filed complaint was public at once
                    if (filed.publication() == null) {
                        published(c, e, filed.storeId());
                    }
                }
                case EventTypes.COMPLAINT_RESPONDED -> responded(c, e, read.read(e, ComplaintResponded.class));
                case org.entraide.api.incidents.IncidentEvents.ITEM_ATTACHED -> {
                    var item = read.read(e, org.entraide.api.incidents.ItemAttached.class);
                    // the ranking counts an incident's complaints apart from their store's
                    Sql.update(c, "UPDATE lm_assignment SET incident_id = ? WHERE complaint_id = ? AND brand_id = ?",
                        item.incidentId(), item.postId(), e.brandId());
                }
                case org.entraide.api.channels.ChannelEvents.STORE_THANKED ->
                    thanked(c, e, read.read(e, org.entraide.api.channels.StoreThanked.class));
                case EventTypes.COMPLAINT_RESOLVED -> {
                    ComplaintResolved r = read.read(e, ComplaintResolved.class);
                    evaluated(c, e, true, r.rating(), r.wouldBuyAgain());
                }
                case EventTypes.COMPLAINT_UNRESOLVED -> {
                    ComplaintUnresolved r = read.read(e, ComplaintUnresolved.class);
                    evaluated(c, e, false, r.rating(), r.wouldBuyAgain());
                }
                case EventTypes.COMPLAINT_REOPENED -> reopened(c, e);
                default -> {
                }
            }
            return null;
        });
    }

    /**
     * A thanks to a store's team, counted in its figures at the time it was given; a replayed event finds its row
     * and counts nothing more.
     */
    private static void thanked(Connection c, DomainEvent e, org.entraide.api.channels.StoreThanked t) {
        if (Sql.count(c, "SELECT COUNT(*) FROM lm_store_thanks WHERE brand_id = ? AND thanks_id = ?", e.brandId(), t.thanksId()) == 0) {
            Sql.update(c, "INSERT INTO lm_store_thanks (brand_id, thanks_id, store_id, thanked_at) VALUES (?, ?, ?, ?)",
                e.brandId(), t.thanksId(), t.storeId(), e.occurredAt());
        }
    }

    /** The complaint is public: its store learns of it now, and its deadlines start. */
    private void published(Connection c, DomainEvent e, Long store) {
        long complaint = e.subjectId();
        if (store == null || Sql.count(c, "SELECT COUNT(*) FROM lm_assignment WHERE complaint_id = ?", complaint) > 0) {
            return;
        }
        long storeId = store;
        // deadlines run from now (when the store learns of it), not from the event: a replay does not fire them all
        Instant now = clock.instant();
        OpeningHours hours = stores.hours(c, storeId);
        Settings s = settingsOf(c, e.brandId());
        Instant due = hours.plusOpening(now, s.firstResponse());
        Instant half = hours.plusOpening(now, s.firstResponse().dividedBy(2));
        Instant ninety = hours.plusOpening(now, s.firstResponse().multipliedBy(9).dividedBy(10));
        Instant central = hours.plusOpening(due, s.regionTime());
        Long manager = availableManager(c, e.brandId(), storeId, now);
        // the complainant is kept here so that their unread total reads this plugin's tables alone
        Long complainant = platform.posts().post(c, e.brandId(), complaint).map(PostFacts::authorId).orElse(null);
        Sql.update(c, "INSERT INTO lm_assignment (complaint_id, brand_id, store_id, manager_id, level, filed_at, due_at, "
            + "remind50_at, remind90_at, central_due_at, next_step_at, complainant_id) VALUES (?, ?, ?, ?, 'STORE', ?, ?, ?, ?, ?, ?, ?)",
            complaint, e.brandId(), storeId, manager, now, due, half, ninety, central, half, complainant);
        timeline.add(c, complaint, "received", e.occurredAt());
        timeline.add(c, complaint, "sent-to-store", now);
        events.append(c, e.brandId(), null, complaint, new ComplaintAssigned(complaint, storeId, manager, due.toString(),
            hours.zone().getId()));
        if (manager != null) {
            notifyManager(c, e.brandId(), complaint, storeId, manager, due);
        }
    }

    /** Brands that enabled notifications get the assignment through them instead of this plugin's e-mail. */
    public void useFeatures(BrandFeatures brandFeatures) {
        this.features = brandFeatures;
    }

    /** An e-mail to the manager, in French and English, with the deadline; never the complainant's identity. */
    private void notifyManager(Connection c, long brandId, long complaint, long storeId, long manager, Instant due) {
        if (features.isEnabled(brandId, NOTIFICATIONS)) {
            return;
        }
        String email = platform.members().member(c, brandId, manager).map(MemberFacts::email).orElse(null);
        String[] store = platform.stores().byId(c, brandId, storeId).map(s -> new String[] {s.name(), s.code()})
            .orElse(new String[] {"", ""});
        String title = platform.posts().post(c, brandId, complaint).map(PostFacts::title).orElse("");
        if (email == null) {
            return;
        }
        String subject = "Nouvelle réclamation — " + store[0] + " / New complaint — " + store[0];
        String body = "Une réclamation a été transmise à votre magasin " + store[0] + " (" + store[1] + ") : « " + title
            + " ».\nRéponse attendue avant le " + due + ".\n\nA complaint was sent to your store " + store[0] + ": \"" + title
            + "\".\nAnswer expected before " + due + ".\n\nRéclamation / complaint #" + complaint;
        try {
            // one e-mail per assignment of a complaint to a manager, whatever replays the event
            mail.queue(c, new OutgoingMail(brandId, "lm-assigned-" + complaint + "-" + manager, email,
                subject.length() > 300 ? subject.substring(0, 300) : subject, body, null, Map.of()));
        } catch (IllegalArgumentException e) {
            // an address the mail service refuses must not stop the complaint from reaching its store
            LOG.warn("No assignment e-mail for complaint {} to manager {}: {}", complaint, manager, e.getMessage());
        }
    }

    /**
     * The assigned manager (or a brand admin) passes the complaint to another store, with a reason: the new store's
     * manager gets it, with new deadlines from now. The core's complaint takes the new store, so that its managers
     * may answer officially.
     */
    public void delegate(long brandId, long complaintId, long byUser, boolean admin, String storeCode, String reason) {
        tx.inTransaction(c -> {
            Object[] a = Sql.one(c, "SELECT store_id, manager_id FROM lm_assignment WHERE complaint_id = ? AND brand_id = ? "
                + "FOR UPDATE", rs -> new Object[] {rs.getLong(1), Sql.nullableLong(rs, "manager_id")}, complaintId, brandId)
                .orElseThrow(() -> org.entraide.api.problem.ProblemException.notFound("no complaint " + complaintId + " routed to a store"));
            if (!admin && !Long.valueOf(byUser).equals(a[1])) {
                throw org.entraide.api.problem.ProblemException.forbidden("only the assigned manager or a brand admin delegates");
            }
            long store = platform.stores().byCode(c, brandId, storeCode).map(Store::id)
                .orElseThrow(() -> org.entraide.api.problem.ProblemException.invalid("storeCode", "no store '" + storeCode + "'"));
            if (store == (Long) a[0]) {
                throw org.entraide.api.problem.ProblemException.invalid("storeCode", "the complaint is already with this store");
            }
            Instant now = clock.instant();
            OpeningHours hours = stores.hours(c, store);
            Settings st = settingsOf(c, brandId);
            Instant due = hours.plusOpening(now, st.firstResponse());
            Long manager = availableManager(c, brandId, store, now);
            Sql.update(c, "UPDATE lm_assignment SET store_id = ?, manager_id = ?, level = 'STORE', due_at = ?, remind50_at = ?, "
                + "remind90_at = ?, central_due_at = ?, reminded50 = NULL, reminded90 = NULL, escalated_region = NULL, "
                + "escalated_central = NULL, next_step_at = ? WHERE complaint_id = ?", store, manager, due,
                hours.plusOpening(now, st.firstResponse().dividedBy(2)),
                hours.plusOpening(now, st.firstResponse().multipliedBy(9).dividedBy(10)), hours.plusOpening(due, st.regionTime()),
                hours.plusOpening(now, st.firstResponse().dividedBy(2)), complaintId);
            // the core's complaint takes its new store, with its own event, so that its managers answer it officially
            platform.complaints().moveToStore(c, brandId, complaintId, store, byUser, reason);
            timeline.add(c, complaintId, "delegated", now);
            events.append(c, brandId, byUser, complaintId, new ComplaintDelegated(complaintId, (Long) a[0], store, manager,
                reason));
            return null;
        });
    }

    /** The assigned manager hands the complaint over to the central team at once, with a reason. */
    public void handOver(long brandId, long complaintId, long byUser, boolean admin, String reason) {
        tx.inTransaction(c -> {
            Long manager = Sql.one(c, "SELECT manager_id FROM lm_assignment WHERE complaint_id = ? AND brand_id = ? FOR UPDATE",
                rs -> Sql.nullableLong(rs, "manager_id"), complaintId, brandId)
                .orElseThrow(() -> org.entraide.api.problem.ProblemException.notFound("no complaint " + complaintId + " routed to a store"));
            if (!admin && !Long.valueOf(byUser).equals(manager)) {
                throw org.entraide.api.problem.ProblemException.forbidden("only the assigned manager or a brand admin hands over");
            }
            Instant now = clock.instant();
            Sql.update(c, "UPDATE lm_assignment SET level = 'CENTRAL', escalated_central = ?, next_step_at = NULL "
                + "WHERE complaint_id = ?", now, complaintId);
            timeline.add(c, complaintId, "handed-over", now);
            // a hand-over: neither store nor deadline, the central team answers now
            events.append(c, brandId, byUser, complaintId, new ComplaintEscalated(complaintId, "central", null, null, null,
                null, null, reason));
            return null;
        });
    }

    /** The store's managers in rank order (then the core's bound managers), the first one not absent now. */
    Long availableManager(Connection c, long brandId, long storeId, Instant at) {
        List<Long> ranked = Sql.list(c, "SELECT user_id FROM lm_store_manager WHERE store_id = ? ORDER BY rank_no, user_id",
            rs -> rs.getLong(1), storeId);
        if (ranked.isEmpty()) {
            ranked = platform.members().storeManagers(c, brandId, storeId).stream().map(MemberFacts::id).toList();
        }
        for (long user : ranked) {
            if (Sql.count(c, "SELECT COUNT(*) FROM lm_absence WHERE user_id = ? AND from_time <= ? AND to_time > ?",
                user, at, at) == 0) {
                return user;
            }
        }
        return ranked.isEmpty() ? null : ranked.get(0);
    }

    /**
     * The first official response stops the clock, whoever gives it: the store, its region or the central team. It
     * is the complaint's first response for the ranking too (late, when the region had to answer).
     */
    private void responded(Connection c, DomainEvent e, ComplaintResponded r) {
        int n = Sql.update(c, "UPDATE lm_assignment SET responded_at = ?, next_step_at = NULL WHERE complaint_id = ? "
            + "AND responded_at IS NULL", e.occurredAt(), e.subjectId());
        if (n > 0) {
            boolean region = RegionalVoices.REGION.equals(r.voice());
            timeline.add(c, e.subjectId(), region ? "answered-region" : "answered", e.occurredAt());
        }
    }

    /** Reopened by its author: the store has a new first-response deadline from now, and the evaluation is cleared. */
    private void reopened(Connection c, DomainEvent e) {
        Long store = Sql.one(c, "SELECT store_id FROM lm_assignment WHERE complaint_id = ?", rs -> rs.getLong(1), e.subjectId())
            .orElse(null);
        if (store == null) {
            return;
        }
        Instant now = clock.instant();
        OpeningHours hours = stores.hours(c, store);
        Settings s = settingsOf(c, e.brandId());
        Instant due = hours.plusOpening(now, s.firstResponse());
        Instant half = hours.plusOpening(now, s.firstResponse().dividedBy(2));
        Sql.update(c, "UPDATE lm_assignment SET level = 'STORE', due_at = ?, remind50_at = ?, remind90_at = ?, central_due_at = ?, "
            + "reminded50 = NULL, reminded90 = NULL, escalated_region = NULL, escalated_central = NULL, responded_at = NULL, "
            + "resolved = NULL, rating = NULL, would_buy_again = NULL, evaluated_at = NULL, closed_at = NULL, next_step_at = ? "
            + "WHERE complaint_id = ?", due, half, hours.plusOpening(now, s.firstResponse().multipliedBy(9).dividedBy(10)),
            hours.plusOpening(due, s.regionTime()), half, e.subjectId());
        timeline.add(c, e.subjectId(), "reopened", now);
    }

    private void evaluated(Connection c, DomainEvent e, boolean resolved, int rating, boolean wouldBuyAgain) {
        int n = Sql.update(c, "UPDATE lm_assignment SET resolved = ?, rating = ?, would_buy_again = ?, evaluated_at = ? "
            + "WHERE complaint_id = ?", resolved, rating, wouldBuyAgain, e.occurredAt(), e.subjectId());
        if (n > 0) {
            timeline.add(c, e.subjectId(), resolved ? "resolved" : "unresolved", e.occurredAt());
        }
    }
}
