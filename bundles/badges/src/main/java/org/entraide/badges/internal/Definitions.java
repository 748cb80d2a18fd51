package org.entraide.badges.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.entraide.api.problem.ProblemException;
import org.entraide.jdbc.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The badges of each brand: the shipped set, read from a JSON file under {@code etc/} (re-read when it
 * changes), overlaid by the brand's own definitions (stored, by key). A file that does not parse keeps the
 * last good set, and says why in the log.
 */
public final class Definitions {
    private static final Logger LOG = LoggerFactory.getLogger(Definitions.class);
    static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private volatile Path file;
    private volatile Shipped shipped = new Shipped(List.of(), "none", -1);

    /** The shipped set and a stamp of the file's content, to notice a change. */
    private record Shipped(List<BadgeDefinition> badges, String stamp, long modified) {
    }

    public Definitions(Path file) {
        use(file);
    }

    public void use(Path newFile) {
        this.file = newFile;
        this.shipped = new Shipped(List.of(), "none", -1);
        refresh();
    }

    /** Re-reads the file if it changed; true when the shipped set is different now. */
    public synchronized boolean refresh() {
        try {
            long modified = Files.getLastModifiedTime(file).toMillis();
            if (modified == shipped.modified()) {
                return false;
            }
            byte[] bytes = Files.readAllBytes(file);
            List<BadgeDefinition> badges = parseFile(bytes);
            String stamp = digest(bytes);
            boolean changed = !stamp.equals(shipped.stamp());
            shipped = new Shipped(badges, stamp, modified);
            if (changed) {
                LOG.info("Badges: {} shipped definitions read from {}", badges.size(), file);
            }
            return changed;
        } catch (IOException | RuntimeException e) {
            LOG.error("Badges: cannot use {} ({}); keeping the {} definitions read before", file, e.getMessage(),
                shipped.badges().size());
            return false;
        }
    }

    /** A stamp of the shipped file's content: a brand evaluated against another stamp is evaluated again. */
    public String stamp() {
        return shipped.stamp();
    }

    /** The brand's badges, by key: shipped ones, replaced or completed by the brand's. */
    public Map<String, BadgeDefinition> of(Connection c, long brandId) {
        Map<String, BadgeDefinition> all = new LinkedHashMap<>();
        shipped.badges().forEach(b -> all.put(b.key(), b));
        for (String json : Sql.list(c, "SELECT definition FROM badge_definition WHERE brand_id = ? ORDER BY badge_key",
            rs -> rs.getString(1), brandId)) {
            BadgeDefinition b = read(json);
            all.put(b.key(), b);
        }
        return all;
    }

    public Optional<BadgeDefinition> find(Connection c, long brandId, String key) {
        return Optional.ofNullable(of(c, brandId).get(key));
    }

    /** Stores the brand's definition of a badge (new, or replacing the shipped one or its own). */
    public void save(Connection c, long brandId, BadgeDefinition b, Instant now) {
        String json = write(b);
        int n = Sql.update(c, "UPDATE badge_definition SET definition = ?, updated_at = ? WHERE brand_id = ? AND badge_key = ?",
            json, now, brandId, b.key());
        if (n == 0) {
            Sql.update(c, "INSERT INTO badge_definition (brand_id, badge_key, definition, updated_at) VALUES (?, ?, ?, ?)",
                brandId, b.key(), json, now);
        }
    }

    public static List<BadgeDefinition> parseFile(byte[] bytes) throws IOException {
        JsonNode root = JSON.readTree(bytes);
        JsonNode list = root == null ? null : root.get("badges");
        if (list == null || !list.isArray()) {
            throw new IOException("expected an object with a \"badges\" array");
        }
        List<BadgeDefinition> out = new ArrayList<>();
        for (JsonNode n : list) {
            try {
                out.add(JSON.treeToValue(n, BadgeDefinition.class));
            } catch (IOException e) {
                throw new IOException("badge " + n.path("key").asText("#" + out.size()) + ": " + cause(e), e);
            }
        }
        return List.copyOf(out);
    }

    /** A definition sent by an admin; its validation problem (422) passes through. */
    public static BadgeDefinition parse(JsonNode node) {
        try {
            return JSON.treeToValue(node, BadgeDefinition.class);
        } catch (IOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ProblemException p) {
                    throw p;
                }
            }
            throw new IllegalArgumentException("not a badge definition: " + e.getMessage(), e);
        }
    }

    static BadgeDefinition read(String json) {
        try {
            return JSON.readValue(json, BadgeDefinition.class);
        } catch (IOException e) {
            throw new IllegalStateException("stored badge definition does not parse: " + e.getMessage(), e);
        }
    }

    static String write(BadgeDefinition b) {
        try {
            return JSON.writeValueAsString(b);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The message of the validation problem under Jackson's wrapping, if any. */
    private static String cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException p) {
                return p.getMessage() + " " + p.errors();
            }
        }
        return e.getMessage();
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
