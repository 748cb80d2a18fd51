package org.entraide.itests.upgrade.v1;

import java.sql.Connection;

import org.entraide.itests.upgrade.ProbePlugin;
import org.entraide.jdbc.Sql;

/** Version 1.0.0 of the upgrade probe: a note is its text. */
public final class NotesV1 extends ProbePlugin {
    public NotesV1() {
        super("1.0.0");
    }

    @Override
    protected long insert(Connection c, long brandId, String body) {
        return Sql.insert(c, "INSERT INTO probe_note (brand_id, body) VALUES (?, ?)", brandId, body);
    }
}
