package org.entraide.itests.upgrade.v2;

import java.sql.Connection;

import org.entraide.itests.upgrade.ProbePlugin;
import org.entraide.jdbc.Sql;

/** Version 1.1.0 of the upgrade probe: a note also has its number of words, a column its migration V2 adds and fills. */
public final class NotesV2 extends ProbePlugin {
    public NotesV2() {
        super("1.1.0");
    }

    @Override
    protected long insert(Connection c, long brandId, String body) {
        return Sql.insert(c, "INSERT INTO probe_note (brand_id, body, words) VALUES (?, ?, ?)", brandId, body,
            body.split("\\s+").length);
    }
}
