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
import org.entraide.core.internal.paging.Page;
import org.entraide.core.internal.paging.PageRequest;

/** The public list of published complaints, filterable by store, city, status and period. */
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

    public Page<Views.ComplaintSummary> list(Brand brand, Filter f, PageRequest page) {
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
        return db.inTransaction(c -> {
            long total = Sql.count(c, "SELECT COUNT(*)" + where, params.toArray());
            List<Object> paged = new ArrayList<>(params);
            paged.add(page.size());
            paged.add(page.offset());
            List<PostRow> rows = Sql.list(c, "SELECT p." + PostRow.COLUMNS.replace(", ", ", p.") + where
                + " ORDER BY p.created_at DESC, p.id DESC LIMIT ? OFFSET ?", PostRow::map, paged.toArray());
            List<Views.ComplaintSummary> items = new ArrayList<>();
            for (PostRow p : rows) {
                int responses = (int) Sql.count(c, "SELECT COUNT(*) FROM post WHERE parent_id = ? AND publication = ?",
                    p.id(), PublicationState.PUBLISHED.name());
                items.add(new Views.ComplaintSummary(p.id(), p.title(), Views.excerpt(p.body()),
                    ComplaintService.storeRef(c, p.storeId()), p.complaintStatus().name(),
                    ComplaintService.publicAuthor(c, p), responses, p.rating(), p.createdAt()));
            }
            return new Page<>(items, total, page);
        });
    }
}
