package org.titlecert.backup.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.LoggerFactory;
import org.titlecert.backup.BackupStatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A backup's manifest, {@code titlecert-backup.json}: what it holds, as counted in the database copy, for the
 * operator and for {@code bin/titlecert-restore}. The last one this node wrote is kept in {@code data/} too, so
 * that the admin pages show it after a restart.
 */
final class Manifests {

    static final String FORMAT = "titlecert-backup/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path last;

    Manifests(Path last) {
        this.last = last;
    }

    void write(Path file, BackupStatus s, String by) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("id", s.id());
        m.put("directory", s.directory());
        m.put("by", by);
        m.put("startedAt", s.startedAt().toString());
        m.put("finishedAt", s.finishedAt().toString());
        m.put("database", Map.of("folder", "database", "bytes", s.databaseBytes()));
        m.put("rows", s.rows());
        m.put("files", s.files());
        m.put("filesCopied", s.filesCopied());
        m.put("bytesCopied", s.bytesCopied());
        m.put("missing", s.missing());
        byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
        Files.write(file, json);
        Files.createDirectories(last.getParent());
        Path tmp = Files.createTempFile(last.getParent(), ".last-backup", ".json");
        Files.write(tmp, json);
        Files.move(tmp, last, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The last backup this node finished, if any and readable. */
    Optional<BackupStatus> last() {
        if (!Files.isRegularFile(last)) {
            return Optional.empty();
        }
        try {
            JsonNode m = JSON.readTree(last.toFile());
            List<String> missing = new ArrayList<>();
            m.path("missing").forEach(n -> missing.add(n.asText()));
            return Optional.of(new BackupStatus(m.path("id").asText(), m.path("directory").asText(),
                    BackupStatus.State.DONE, "DONE", Instant.parse(m.path("startedAt").asText()),
                    Instant.parse(m.path("finishedAt").asText()), m.path("database").path("bytes").asLong(),
                    counts(m.path("rows")), counts(m.path("files")), m.path("filesCopied").asLong(),
                    m.path("bytesCopied").asLong(), missing, null));
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(Manifests.class).warn("Cannot read {}", last, e);
            return Optional.empty();
        }
    }

    private static Map<String, Long> counts(JsonNode node) {
        Map<String, Long> counts = new TreeMap<>();
        node.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }
}
