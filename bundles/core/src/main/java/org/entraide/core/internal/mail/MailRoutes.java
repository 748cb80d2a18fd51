package org.entraide.core.internal.mail;

import java.time.Duration;

import org.entraide.api.model.Brand;
import org.entraide.api.model.Role;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.rest.ApiDispatcher;
import org.entraide.core.internal.rest.ApiReply;
import org.entraide.core.internal.rest.ApiRoutes;
import org.entraide.core.internal.rest.openapi.Doc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mail route (a timer: each node takes due messages in small batches, at most five seconds of work per tick)
 * and the brand admins' view of their outbox, which never shows a recipient: a brand admin must not be able to tie
 * an e-mail about a complaint to the complainant.
 */
public final class MailRoutes extends ApiRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(MailRoutes.class);
    /** Messages per transaction for each SMTP connection (mail.smtp.connections, 8 by default). */
    private static final int BATCH_PER_CONNECTION = 10;
    /** Work per tick while messages are due; then the timer waits its period (mail.poll.millis) before the next. */
    private static final long TICK_BUDGET_MILLIS = 5_000;

    private final MailSender sender;
    private final MailQueue queue;
    private final Duration poll;
    private volatile boolean paused;

    public MailRoutes(ApiDispatcher api, MailSender sender, MailQueue queue, Duration poll) {
        super(api);
        this.sender = sender;
        this.queue = queue;
        this.poll = poll;
    }

    void tick() {
        long end = System.currentTimeMillis() + TICK_BUDGET_MILLIS;
        int batch = Math.max(40, BATCH_PER_CONNECTION * sender.settings().smtpConnections());
        try {
            while (sender.sendDue(batch) == batch && System.currentTimeMillis() < end) {
                // a full batch: there may be more
            }
        } catch (RuntimeException e) {
            // the database is unreachable or going away: the next tick tries again
            if (!paused) {
                LOG.warn("Mail delivery paused: {}", e.getMessage());
            }
            paused = true;
            return;
        }
        paused = false;
    }

    @Override
    public void configure() {
        from("timer:entraide.mail?delay=1000&period=" + poll.toMillis()).routeId("mail.send").process(e -> tick());

        get("/brands/{brand}/mail/outbox", "mail.outbox", Doc.of("The brand's e-mail, newest first, without recipients")
                .pageOf(MailQueue.OutboxEntry.class).bearer(Role.BRAND_ADMIN), r -> {
            Brand brand = r.brand();
            requireAdmin(r.caller(), brand);
            return ApiReply.ok(queue.outbox(brand.id(), r.page()));
        });
        get("/brands/{brand}/mail/outbox/{id}", "mail.outbox.message",
            Doc.of("One e-mail of the brand: its bodies and extra headers, never its recipient")
                .returns(MailQueue.OutboxMessage.class).bearer(Role.BRAND_ADMIN).errors(404), r -> {
            Brand brand = r.brand();
            requireAdmin(r.caller(), brand);
            long id = r.pathId("id");
            return ApiReply.ok(queue.message(brand.id(), id)
                .orElseThrow(() -> ProblemException.notFound("no e-mail " + id + " in " + brand.slug())));
        });
    }

    private static void requireAdmin(Caller caller, Brand brand) {
        if (caller.brandId() != brand.id() || !caller.has(Role.BRAND_ADMIN)) {
            throw ProblemException.forbidden("brand admins of " + brand.slug() + " only");
        }
    }
}
