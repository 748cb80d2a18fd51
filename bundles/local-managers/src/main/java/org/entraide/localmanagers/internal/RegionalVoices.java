package org.entraide.localmanagers.internal;

import java.util.Optional;

import org.entraide.api.localmanagers.LocalManagerEvents;
import org.entraide.api.plugin.OfficialResponders;
import org.entraide.api.security.Caller;
import org.entraide.api.storage.Transactions;
import org.entraide.jdbc.Sql;

/**
 * Lets the managers of a store's region answer its complaints officially, in the region's name, once the store's
 * deadline passed and the complaint was escalated to the region: from then on the region is accountable for it,
 * also after it went on to the central team. Not before: the store has its deadline to answer, and a regional
 * manager who answers in its place would make the store's figures meaningless; nor when the store handed the
 * complaint over to the central team itself (the region was skipped). The central team is the brand's admins, whom
 * the core lets answer any complaint.
 */
public final class RegionalVoices implements OfficialResponders {
    /** The key of the region's voice, in the {@code complaint.responded} event. */
    public static final String REGION = "region";

    private final Transactions tx;

    public RegionalVoices(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public String capability() {
        return LocalManagerEvents.CAPABILITY;
    }

    @Override
    public Optional<Voice> voiceOf(long brandId, long complaintId, Caller caller) {
        // joins the core's transaction of the response: the escalation it sees is the one the response commits with
        return tx.inTransaction(c -> Sql.one(c, "SELECT r.name FROM lm_assignment a "
            + "JOIN lm_store st ON st.store_id = a.store_id JOIN lm_region r ON r.id = st.region_id "
            + "JOIN lm_region_manager m ON m.region_id = r.id "
            + "WHERE a.complaint_id = ? AND a.brand_id = ? AND a.escalated_region IS NOT NULL AND m.user_id = ?",
            rs -> rs.getString(1), complaintId, brandId, caller.userId())
            .map(name -> new Voice(REGION, "Réponse officielle — région " + name, "Official response — " + name + " region")));
    }
}
