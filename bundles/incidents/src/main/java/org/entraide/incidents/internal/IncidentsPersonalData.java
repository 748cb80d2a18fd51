package org.entraide.incidents.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.entraide.api.privacy.PersonalData;
import org.entraide.api.storage.Transactions;
import org.entraide.jdbc.Sql;

/**
 * What incidents hold about a member: the incidents they declared, the statements they wrote and the items they
 * attached, as staff. Erasure keeps them (the brand's statements stay published) with the member's id removed.
 */
public final class IncidentsPersonalData implements PersonalData {
    private final Transactions tx;

    IncidentsPersonalData(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public String name() {
        return "incidents";
    }

    @Override
    public Map<String, Object> export(long brandId, long userId) {
        return tx.inTransaction(c -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("incidentsDeclared", Sql.list(c, "SELECT id FROM inc_incident WHERE brand_id = ? AND declared_by = ? ORDER BY id",
                rs -> rs.getLong(1), brandId, userId));
            out.put("statementsWritten", Sql.list(c, "SELECT s.id FROM inc_statement s JOIN inc_incident i ON i.id = s.incident_id "
                + "WHERE i.brand_id = ? AND s.author_id = ? ORDER BY s.id", rs -> rs.getLong(1), brandId, userId));
            out.put("itemsAttached", Sql.list(c, "SELECT post_id FROM inc_item WHERE brand_id = ? AND attached_by = ? ORDER BY post_id",
                rs -> rs.getLong(1), brandId, userId));
            return out;
        });
    }

    @Override
    public void erase(long brandId, long userId) {
        tx.inTransaction(c -> {
            // 0 names nobody: the rows stay, as the brand's statements stay published
            Sql.update(c, "UPDATE inc_incident SET declared_by = 0 WHERE brand_id = ? AND declared_by = ?", brandId, userId);
            Sql.update(c, "UPDATE inc_statement SET author_id = 0 WHERE author_id = ? AND incident_id IN "
                + "(SELECT id FROM inc_incident WHERE brand_id = ?)", userId, brandId);
            Sql.update(c, "UPDATE inc_item SET attached_by = NULL WHERE brand_id = ? AND attached_by = ?", brandId, userId);
            return null;
        });
    }
}
