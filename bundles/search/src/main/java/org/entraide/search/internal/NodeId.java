package org.entraide.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * This node's name, kept in its data folder: every node of a cluster keeps its own complete index, so each is its own
 * event subscriber ("search.node-<id>") and the dispatcher serves each on the node that registered it. A node whose
 * data folder is emptied becomes a new node and rebuilds its index.
 */
final class NodeId {
    private static final Pattern VALID = Pattern.compile("[a-z0-9]{12}");

    static String of(Path folder) {
        Path file = folder.resolve("node-id");
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (VALID.matcher(id).matches()) {
                    return id;
                }
            }
            Files.createDirectories(folder);
            String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            Path tmp = folder.resolve("node-id.tmp");
            Files.writeString(tmp, id + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private NodeId() {
    }
}
