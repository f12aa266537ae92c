package dev.filegate.api.audit;

import dev.filegate.api.files.FileResponse;
import dev.filegate.api.files.PresignResponse;
import dev.filegate.api.uploads.FormUploadResponse;
import dev.filegate.api.uploads.MultipartCompleted;
import dev.filegate.api.uploads.MultipartStarted;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.Optional;

/** What an answer's body says about the file it concerns, and a problem's kind. */
final class AuditedResponse {

    /** A file id and size ({@code -1}: not in the answer). */
    record FileFacts(String id, long size) {}

    private static final String PROBLEM_TYPES = "https://filegate.dev/problems/";

    private AuditedResponse() {}

    static Optional<FileFacts> file(Object entity) {
        if (entity instanceof FileResponse f) {
            return Optional.of(new FileFacts(f.id(), f.size()));
        } else if (entity instanceof MultipartCompleted m) {
            return Optional.of(new FileFacts(m.file().id(), m.file().size()));
        } else if (entity instanceof PresignResponse p) {
            return Optional.of(new FileFacts(p.id(), -1));
        } else if (entity instanceof FormUploadResponse f) {
            return Optional.of(new FileFacts(f.fileId(), -1));
        } else if (entity instanceof MultipartStarted s) {
            return Optional.of(new FileFacts(s.key(), -1));
        }
        return Optional.empty();
    }

    /** The kind of a problem body ({@code too-large}, {@code forbidden}, ...), or {@code -}. */
    static String problemKind(Object entity) {
        if (!(entity instanceof String text) || !text.startsWith("{")) {
            return AuditText.NONE;
        }
        try (var reader = Json.createReader(new StringReader(text))) {
            JsonObject problem = reader.readObject();
            if (problem.get("type") instanceof JsonString type
                    && type.getString().startsWith(PROBLEM_TYPES)) {
                return AuditText.word(type.getString().substring(PROBLEM_TYPES.length()));
            }
        } catch (JsonException | ClassCastException e) {
            // not a problem document
        }
        return AuditText.NONE;
    }
}
