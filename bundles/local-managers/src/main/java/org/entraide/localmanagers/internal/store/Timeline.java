package org.entraide.localmanagers.internal.store;

import org.entraide.jdbc.Sql;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The complaint's public timeline, with its steps named in French and English. */
public final class Timeline {
    public static final Map<String, String[]> LABELS = Map.ofEntries(
        Map.entry("received", new String[] {"reçue", "received"}),
        Map.entry("sent-to-store", new String[] {"transmise au magasin", "sent to the store"}),
        Map.entry("escalated-region", new String[] {"escaladée à la direction régionale", "escalated to the region"}),
        Map.entry("escalated-central", new String[] {"escaladée au siège", "escalated to head office"}),
        Map.entry("answered", new String[] {"réponse du magasin", "answered by the store"}),
        Map.entry("answered-region", new String[] {"réponse de la direction régionale", "answered by the region"}),
        Map.entry("resolved", new String[] {"résolue", "resolved"}),
        Map.entry("delegated", new String[] {"transmise à un autre magasin", "passed to another store"}),
        Map.entry("handed-over", new String[] {"confiée au siège", "handed over to head office"}),
        Map.entry("closed-not-evaluated", new String[] {"close sans évaluation", "closed without evaluation"}),
        Map.entry("unresolved", new String[] {"non résolue", "not resolved"}),
        Map.entry("reopened", new String[] {"rouverte par son auteur", "reopened by its author"}));

    /** A step of the timeline. */
    public record Step(String step, Instant at, Map<String, String> label) {
    }

    public void add(Connection c, long complaintId, String step, Instant at) {
        Sql.update(c, "INSERT INTO lm_timeline (complaint_id, step, at_time) VALUES (?, ?, ?)", complaintId, step, at);
    }

    public List<Step> of(Connection c, long complaintId) {
        return Sql.list(c, "SELECT step, at_time FROM lm_timeline WHERE complaint_id = ? ORDER BY id", rs -> {
            String[] l = LABELS.getOrDefault(rs.getString(1), new String[] {rs.getString(1), rs.getString(1)});
            return new Step(rs.getString(1), Sql.instant(rs, "at_time"), Map.of("fr", l[0], "en", l[1]));
        }, complaintId);
    }
}
