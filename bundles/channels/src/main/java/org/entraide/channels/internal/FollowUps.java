package org.entraide.channels.internal;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.entraide.api.model.Brand;
import org.entraide.api.model.ComplaintStatus;
import org.entraide.api.platform.ComplaintFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A later message to a store's address about a complaint filed from an earlier one goes into that complaint's private
 * thread, as its complainant's message, instead of becoming a new complaint: a reply to one of our e-mails about it
 * (its {@code In-Reply-To} or {@code References} name the confirmation or the "filed" e-mail), or else any message from
 * the same sender to the same store while their complaint from there is open (the newest one). A closed complaint's
 * sender starts a new one.
 */
final class FollowUps {
    private static final Logger LOG = LoggerFactory.getLogger(FollowUps.class);
    static final String KIND = "THREAD";
    /** Our Message-IDs about an intake: the confirmation and the e-mail telling that the complaint is filed. */
    private static final Pattern OURS = Pattern.compile("<channels-(?:intake|filed)-(\\d{1,18})@entraide>");

    private final CoreServices core;
    private final IntakeStore intake;
    private final RelayStore relay;
    private final PrivateThread thread;

    FollowUps(CoreServices core, IntakeStore intake, RelayStore relay, PrivateThread thread) {
        this.core = core;
        this.intake = intake;
        this.relay = relay;
        this.thread = thread;
    }

    /** The open complaint this message follows up, with its author; null when it starts a new one. */
    IntakeStore.Filed of(Brand brand, String storeCode, String from, List<String> references) {
        Set<Long> referenced = new LinkedHashSet<>();
        for (String header : references) {
            Matcher m = OURS.matcher(header);
            while (m.find()) {
                referenced.add(Long.parseLong(m.group(1)));
            }
        }
        return core.tx().inTransaction(c -> {
            List<IntakeStore.Filed> candidates = new ArrayList<>();
            for (long id : referenced) {
                intake.filed(c, brand.id(), id).filter(f -> f.sender().equals(from)).ifPresent(candidates::add);
            }
            candidates.addAll(intake.filedFrom(c, brand.id(), storeCode, from));
            for (IntakeStore.Filed f : candidates) {
                if (open(c, brand.id(), f.complaintId())) {
                    return f;
                }
            }
            return null;
        });
    }

    EmailIntake.Result post(Brand brand, IntakeStore.Filed to, String key, String text) {
        PrivateThread.Outcome o = thread.post(brand.id(), to.complaintId(), to.memberId(), key, KIND, text, (c, id) -> { });
        LOG.info("Follow-up to complaint {} of brand {} from its store's address: {}", to.complaintId(), brand.slug(), o);
        return switch (o) {
            case SENT -> EmailIntake.Result.THREADED;
            case DUPLICATE -> EmailIntake.Result.DUPLICATE;
            case REFUSED -> EmailIntake.Result.REFUSED;
        };
    }

    private boolean open(Connection c, long brandId, long complaintId) {
        Map<Long, ComplaintFacts> facts = core.posts().complaints(c, brandId, List.of(complaintId));
        ComplaintFacts f = facts.get(complaintId);
        return f != null && (f.status() == ComplaintStatus.OPEN || f.status() == ComplaintStatus.ANSWERED)
            && relay.closedAt(c, brandId, complaintId).isEmpty();
    }
}
