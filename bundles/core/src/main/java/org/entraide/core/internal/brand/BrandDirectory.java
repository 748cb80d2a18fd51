package org.entraide.core.internal.brand;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.entraide.api.model.Brand;
import org.entraide.api.model.Store;
import org.entraide.api.model.Topic;
import org.entraide.api.problem.ProblemException;
import org.entraide.core.internal.db.Database;
import org.entraide.jdbc.Sql;
import org.entraide.core.internal.paging.Page;
import org.entraide.core.internal.paging.PageRequest;

/** Read access to brands, their stores and topics. */
public final class BrandDirectory {
    private static final String STORE_COLUMNS = "id, brand_id, code, name, city, postal_code, latitude, longitude";

    private final Database db;
    /**
     * Brands found by slug, kept for the node's life: every request names its brand, and a brand row is never
     * changed nor deleted once created (if it ever is, drop the entry where it changes). A slug not found is not
     * kept, since another node may create that brand.
     */
    private final java.util.concurrent.ConcurrentMap<String, Brand> bySlug = new java.util.concurrent.ConcurrentHashMap<>();

    public BrandDirectory(Database db) {
        this.db = db;
    }

    /** @throws ProblemException 404 when no brand has that slug */
    public Brand require(String slug) {
        return find(slug).orElseThrow(() -> ProblemException.notFound("no brand '" + slug + "'"));
    }

    public Optional<Brand> find(String slug) {
        if (slug == null || !Brand.SLUG.matcher(slug).matches()) {
            return Optional.empty();
        }
        Brand known = bySlug.get(slug);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Brand> found = db.inTransaction(c -> Sql.one(c, "SELECT id, slug, name FROM brand WHERE slug = ?",
            rs -> new Brand(rs.getLong("id"), rs.getString("slug"), rs.getString("name")), slug));
        found.ifPresent(b -> bySlug.put(slug, b));
        return found;
    }

    public List<Brand> all() {
        return db.inTransaction(c -> Sql.list(c, "SELECT id, slug, name FROM brand ORDER BY slug",
            rs -> new Brand(rs.getLong("id"), rs.getString("slug"), rs.getString("name"))));
    }

    public Optional<Store> storeByCode(Connection c, long brandId, String code) {
        return Sql.one(c, "SELECT " + STORE_COLUMNS + " FROM store WHERE brand_id = ? AND code = ?",
            BrandDirectory::store, brandId, code);
    }

    public Optional<Store> storeById(Connection c, long storeId) {
        return Sql.one(c, "SELECT " + STORE_COLUMNS + " FROM store WHERE id = ?", BrandDirectory::store, storeId);
    }

    /** Stores of a brand, filtered by a case-insensitive text on name, city, postal code or code. */
    public Page<Store> stores(long brandId, String text, PageRequest page) {
        return db.inTransaction(c -> {
            StringBuilder where = new StringBuilder(" FROM store WHERE brand_id = ?");
            List<Object> params = new ArrayList<>(List.of(brandId));
            if (text != null && !text.isBlank()) {
                String like = "%" + escapeLike(text.strip()) + "%";
                where.append(" AND (").append(db.dialect().containsIgnoreCase("name")).append(" OR ")
                    .append(db.dialect().containsIgnoreCase("city")).append(" OR postal_code LIKE ? OR code = ?)");
                params.addAll(List.of(like, like, text.strip() + "%", text.strip()));
            }
            long total = Sql.count(c, "SELECT COUNT(*)" + where, params.toArray());
            params.addAll(List.of(page.size(), page.offset()));
            List<Store> items = Sql.list(c, "SELECT " + STORE_COLUMNS + where + " ORDER BY code LIMIT ? OFFSET ?",
                BrandDirectory::store, params.toArray());
            return new Page<>(items, total, page);
        });
    }

    /** Every store of the brand, by code. */
    public List<Store> stores(Connection c, long brandId) {
        return Sql.list(c, "SELECT " + STORE_COLUMNS + " FROM store WHERE brand_id = ? ORDER BY code", BrandDirectory::store,
            brandId);
    }

    public Optional<Brand> find(Connection c, String slug) {
        if (slug == null || !Brand.SLUG.matcher(slug).matches()) {
            return Optional.empty();
        }
        return Sql.one(c, "SELECT id, slug, name FROM brand WHERE slug = ?",
            rs -> new Brand(rs.getLong("id"), rs.getString("slug"), rs.getString("name")), slug);
    }

    public Optional<Brand> find(Connection c, long id) {
        return Sql.one(c, "SELECT id, slug, name FROM brand WHERE id = ?",
            rs -> new Brand(rs.getLong("id"), rs.getString("slug"), rs.getString("name")), id);
    }

    public Optional<Topic> topic(Connection c, long brandId, long topicId) {
        return Sql.one(c, "SELECT id, brand_id, slug, name FROM topic WHERE brand_id = ? AND id = ?",
            BrandDirectory::topic, brandId, topicId);
    }

    public List<Topic> topics(long brandId) {
        return db.inTransaction(c -> Sql.list(c, "SELECT id, brand_id, slug, name FROM topic WHERE brand_id = ? ORDER BY name",
            BrandDirectory::topic, brandId));
    }

    public Optional<Topic> topic(Connection c, long brandId, String slug) {
        return Sql.one(c, "SELECT id, brand_id, slug, name FROM topic WHERE brand_id = ? AND slug = ?",
            BrandDirectory::topic, brandId, slug);
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static Store store(ResultSet rs) throws SQLException {
        Double lat = rs.getObject("latitude") == null ? null : rs.getDouble("latitude");
        Double lon = rs.getObject("longitude") == null ? null : rs.getDouble("longitude");
        return new Store(rs.getLong("id"), rs.getLong("brand_id"), rs.getString("code"), rs.getString("name"),
            rs.getString("city"), rs.getString("postal_code"), lat, lon);
    }

    static Topic topic(ResultSet rs) throws SQLException {
        return new Topic(rs.getLong("id"), rs.getLong("brand_id"), rs.getString("slug"), rs.getString("name"));
    }
}
