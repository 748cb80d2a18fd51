package org.entraide.moderation.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.entraide.moderation.internal.rules.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brands' rule sets from Karaf's etc/ folder: {@code entraide-moderation-<brand>.json}, checked periodically.
 * A file whose content changed is applied as new versions of the brand's rule sets ({@link RuleSetImport}); an
 * invalid file is logged with what is wrong, nothing is stored, and the brand keeps its last good rule sets until
 * the file is corrected. A file is read again only when its content changes, and an unchanged rule set makes no
 * version, so a restart stores nothing new.
 */
public final class RuleSetFiles {
    /** The file name of a brand's rule sets; the brand's slug is the variable part. */
    public static final Pattern NAME = Pattern.compile("entraide-moderation-([a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?)\\.json");

    private static final Logger LOG = LoggerFactory.getLogger(RuleSetFiles.class);

    private final RuleSetImport importer;
    private volatile Path dir;
    /** File name to the digest of the content last read, applied or refused: the same content is not read twice. */
    private final Map<String, String> seen = new ConcurrentHashMap<>();

    public RuleSetFiles(RuleSetImport importer, Path dir) {
        this.importer = importer;
        this.dir = dir;
    }

    public void use(Path newDir) {
        if (!newDir.equals(dir)) {
            seen.clear();
        }
        this.dir = newDir;
    }

    /** Applies the files that changed since the last scan; returns how many were applied. */
    public synchronized int scan() {
        Path d = dir;
        if (d == null || !Files.isDirectory(d)) {
            return 0;
        }
        int applied = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(d, "entraide-moderation-*.json")) {
            for (Path f : files) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (m.matches() && read(f, m.group(1))) {
                    applied++;
                }
            }
        } catch (IOException e) {
            LOG.error("Moderation: cannot list {} for rule set files ({})", d, e.getMessage());
        }
        return applied;
    }

    private boolean read(Path file, String brand) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            LOG.error("Moderation: cannot read {} ({}); brand {} keeps its rule sets", file, e.getMessage(), brand);
            return false;
        }
        String digest = digest(bytes);
        if (digest.equals(seen.get(file.getFileName().toString()))) {
            return false;
        }
        try {
            List<RuleSet> sets = RuleSetImport.parse(bytes);
            Optional<Long> brandId = importer.brand(brand);
            if (brandId.isEmpty()) {
                LOG.error("Moderation: {} names brand '{}', which does not exist; nothing stored", file, brand);
                seen.put(file.getFileName().toString(), digest);
                return false;
            }
            List<String> report = importer.apply(brandId.get(), sets, null, file.getFileName().toString());
            seen.put(file.getFileName().toString(), digest);
            LOG.info("Moderation: rule sets of brand {} read from {}: {}", brand, file, report);
            return true;
        } catch (IllegalArgumentException e) {
            // remembered, so that the same mistake is logged once, not at every scan
            seen.put(file.getFileName().toString(), digest);
            LOG.error("Moderation: {} is invalid and was not applied ({}); brand {} keeps its last good rule sets",
                file, e.getMessage(), brand);
            return false;
        }
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
