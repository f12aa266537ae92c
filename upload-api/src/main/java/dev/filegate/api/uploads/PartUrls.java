package dev.filegate.api.uploads;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.Map;

/** The answer to {@code GET s3/multipart/{uploadId}/batch}: {@code {presignedUrls: {"1": url, ...}}}. */
public record PartUrls(@JsonbProperty("presignedUrls") Map<String, String> presignedUrls) {

    public PartUrls {
        presignedUrls = Map.copyOf(presignedUrls);
    }

    @Override
    public String toString() {
        return "PartUrls[" + presignedUrls.size() + " <redacted>]";
    }
}
