package org.entraide.core.internal.post;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.entraide.api.model.Brand;
import org.entraide.api.model.ComplaintStatus;
import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;
import org.entraide.api.problem.ProblemException;
import org.entraide.core.internal.db.Database;
import org.entraide.jdbc.Sql;
import org.entraide.api.web.Cursor;
import org.entraide.core.internal.paging.CursorPage;
import org.entraide.core.internal.paging.Keyset;
import org.entraide.core.internal.paging.ListRequest;

/**
 * The public list of published complaints, filterable by store, city, status and period, newest first and paged by
 * keyset on the creation time (indexes of V17).
 */
public final class ComplaintQueries {
    /**
     * Filters of the complaint list; null means "any". {@code city} is the store's city, ignoring case; {@code since}
     * and {@code until} are days (UTC), both included.
     */
    /** {@code stores}: codes of several stores (a region's, as the local managers name it); null or empty means any. */
    public record Filter(String store, String city, String status, LocalDate since, LocalDate until, List<String> stores) {
        public Filter(String store, String city, String status, LocalDate since, LocalDate until) {
            this(store, city, status, since, until, null);
        }
    }

    private final Database db;

    public ComplaintQueries(Database db) {
        this.db = db;
    }

    public CursorPage<Views.ComplaintSummary> list(Brand brand, Filter f, ListRequest page) {
        StringBuilder where = new StringBuilder(" FROM post p WHERE p.brand_id = ? AND p.post_type = ? AND p.publication = ? AND p.deleted_at IS NULL");
        List<Object> params = new ArrayList<>(List.of(brand.id(), PostType.COMPLAINT.name(), PublicationState.PUBLISHED.name()));
        if (f.store() != null) {
            where.append(" AND p.store_id = (SELECT s.id FROM store s WHERE s.brand_id = ? AND s.code = ?)");
            params.add(brand.id());
            params.add(f.store());
        }
        if (f.stores() != null && !f.stores().isEmpty()) {
            where.append(" AND p.store_id IN (SELECT s.id FROM store s WHERE s.brand_id = ? AND s.code IN (")
                .append(String.join(", ", java.util.Collections.nCopies(f.stores().size(), "?"))).append("))");
            params.add(brand.id());
            params.addAll(f.stores());
        }
        if (f.city() != null && !f.city().isBlank()) {
            where.append(" AND p.store_id IN (SELECT s.id FROM store s WHERE s.brand_id = ? AND LOWER(s.city) = LOWER(?))");
            params.add(brand.id());
            params.add(f.city().strip());
        }
        if (f.status() != null) {
            try {
                params.add(ComplaintStatus.valueOf(f.status()).name());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("status", "one of OPEN, ANSWERED, RESOLVED, UNRESOLVED");
            }
            where.append(" AND p.complaint_status = ?");
        }
        if (f.since() != null) {
            where.append(" AND p.created_at >= ?");
            params.add(f.since().atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (f.until() != null) {
            where.append(" AND p.created_at < ?");
            params.add(f.until().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        Keyset keyset = Keyset.byTime("p.created_at", "p.id");
        // a cursor goes on the list it came from only: the same brand and filters
        String scope = String.join("|", "complaints", String.valueOf(f.store()), String.valueOf(f.stores()),
            String.valueOf(f.city()), String.valueOf(f.status()), String.valueOf(f.since()), String.valueOf(f.until()));
        List<Object> paged = new ArrayList<>(params);
        String after = page.after() == null ? ""
            : keyset.after(Cursor.decode(page.after(), brand.id(), scope), paged);
        String order = keyset.orderAndLimit(page, paged);
        return db.inTransaction(c -> {
            Long total = page.page() == null ? null : Sql.count(c, "SELECT COUNT(*)" + where, params.toArray());
            List<PostRow> rows = Sql.list(c, "SELECT p." + PostRow.COLUMNS.replace(", ", ", p.") + where + after + order,
                PostRow::map, paged.toArray());
            return Keyset.page(rows, page, total, p -> Cursor.after(p.createdAt(), p.id()), brand.id(), scope, p -> {
                int responses = (int) Sql.count(c, "SELECT COUNT(*) FROM post WHERE parent_id = ? AND publication = ?",
                    p.id(), PublicationState.PUBLISHED.name());
                return new Views.ComplaintSummary(p.id(), p.title(), Views.excerpt(p.body()),
                    ComplaintService.storeRef(c, p.storeId()), p.complaintStatus().name(),
                    ComplaintService.publicAuthor(c, p), responses, p.rating(), p.createdAt());
            });
        });
    }
}
