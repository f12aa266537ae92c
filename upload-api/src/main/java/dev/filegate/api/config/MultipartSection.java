package dev.filegate.api.config;

import dev.filegate.domain.policy.DataSize;
import dev.filegate.domain.policy.MultipartPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.stream.Stream;

/** {@code upload.multipart.*}: resumable uploads in parts straight to the store (presigned mode). */
final class MultipartSection {

    private MultipartSection() {}

    /** @return the multipart policy, or {@code null} with the problems recorded in {@code s} */
    static MultipartPolicy read(Settings s) {
        DataSize partSize = s.parsed("upload.multipart.part-size", "8MiB", DataSize::parse);
        DataSize threshold = s.parsed("upload.multipart.threshold", "100MiB", DataSize::parse);
        Duration partUrl = s.parsed("upload.expiry.part-url", "PT1H", Duration::parse);
        Duration maxIdle = s.parsed("upload.multipart.max-idle", "PT24H", Duration::parse);
        return Stream.of(partSize, threshold, partUrl, maxIdle).allMatch(Objects::nonNull)
                ? s.build("upload.multipart", () -> new MultipartPolicy(partSize, threshold, partUrl, maxIdle))
                : null;
    }
}
