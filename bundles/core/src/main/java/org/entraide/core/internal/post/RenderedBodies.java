package org.entraide.core.internal.post;

import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.entraide.core.internal.content.ContentRenderer;
import org.entraide.core.internal.db.Database;
import org.entraide.jdbc.Sql;

/**
 * Posts' bodies as sanitized HTML, rendered once when a body is written ({@link #htmlOf(String)} goes into the same
 * statement) and read back from {@code post.body_html}. A row of another {@link ContentRenderer#VERSION} is rendered
 * in memory when read (so a reader never sees HTML of an old policy) and queued; {@link #refresh} stores the queued
 * rows and, after a start, every other stale row, in small transactions of its own, so that a read transaction
 * never writes.
 */
public final class RenderedBodies {
    private static final int BATCH = 200;

    private final ContentRenderer renderer;
    private final Set<Long> stale = ConcurrentHashMap.newKeySet();
    private volatile boolean scanned;
    private volatile long scannedTo;

    public RenderedBodies(ContentRenderer renderer) {
        this.renderer = renderer;
    }

    /** The HTML to store with a body being written now. */
    String htmlOf(String body) {
        return renderer.toHtml(body);
    }

    /** The post's HTML as stored; rendered (and queued for {@link #refresh}) only if stored by another version. */
    String html(PostRow p) {
        if (p.renderVersion() != null && p.renderVersion() == ContentRenderer.VERSION && p.bodyHtml() != null) {
            return p.bodyHtml();
        }
        stale.add(p.id());
        return renderer.toHtml(p.body());
    }

    /**
     * Stores the HTML of the posts read while stale and of one batch of the other stale rows; answers how many rows
     * it rendered or found stale (0: nothing left to do). Several nodes may do it at once: each update only applies to a row still stale, and renders the
     * same HTML anyway.
     */
    public int refresh(Database db) {
        List<Long> queued = List.copyOf(stale);
        stale.removeAll(queued);
        int done = 0;
        if (!queued.isEmpty()) {
            done += db.inTransaction(c -> render(c, queued));
        }
        if (!scanned) {
            // in id order from where the last batch stopped, so that a large table is walked once, not once per batch
            List<Long> ids = db.inTransaction(c -> Sql.list(c, "SELECT id FROM post WHERE id > ? AND (render_version IS NULL "
                + "OR render_version <> ?) ORDER BY id LIMIT ?", rs -> rs.getLong(1), scannedTo, ContentRenderer.VERSION, BATCH));
            if (ids.isEmpty()) {
                // the version only changes with the code, so once no row is stale the table is not scanned again
                scanned = true;
            } else {
                db.inTransaction(c -> render(c, ids));
                scannedTo = ids.get(ids.size() - 1);
                // counted whether or not another node stored them first: the walk goes on while rows come
                done += ids.size();
            }
        }
        return done;
    }

    private int render(Connection c, List<Long> ids) {
        int n = 0;
        for (long id : ids) {
            String body = Sql.one(c, "SELECT body FROM post WHERE id = ? AND (render_version IS NULL OR render_version <> ?)",
                rs -> rs.getString(1), id, ContentRenderer.VERSION).orElse(null);
            if (body != null) {
                n += Sql.update(c, "UPDATE post SET body_html = ?, render_version = ? WHERE id = ? AND body = ?",
                    renderer.toHtml(body), ContentRenderer.VERSION, id, body);
            }
        }
        return n;
    }
}
