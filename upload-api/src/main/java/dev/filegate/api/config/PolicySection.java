package dev.filegate.api.config;

import dev.filegate.domain.policy.DataSize;
import dev.filegate.domain.policy.Expiries;
import dev.filegate.domain.policy.FilenameRules;
import dev.filegate.domain.policy.MediaTypeAllowList;
import dev.filegate.domain.policy.SizeLimit;
import dev.filegate.domain.policy.UploadPolicy;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/** {@code upload.*} limits: sizes, allowed types, filename rules and expiries. */
final class PolicySection {

    private PolicySection() {}

    /** @return the policy, or {@code null} with the problems recorded in {@code s} */
    static UploadPolicy read(Settings s) {
        DataSize maxSize = s.parsed("upload.max-size", "100MiB", DataSize::parse);
        List<SizeLimit> limits = s.parsed("upload.max-size-by-type", "", SizeLimit::parseAll);
        MediaTypeAllowList allowList = s.parsed(
                "upload.allowed-types",
                "image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain",
                MediaTypeAllowList::parse);
        Integer nameBytes = s.parsed("upload.filename.max-bytes", "255", Integer::valueOf);
        List<String> blocked =
                s.list("upload.blocked-extensions", String.join(",", FilenameRules.DEFAULT_BLOCKED_EXTENSIONS));
        Duration uploadTtl = s.parsed("upload.expiry.upload-url", "PT15M", Duration::parse);
        Duration downloadTtl = s.parsed("upload.expiry.download-url", "PT24H", Duration::parse);
        Duration redirectTtl = s.parsed("upload.expiry.redirect", "PT30S", Duration::parse);

        Expiries expiries = Stream.of(uploadTtl, downloadTtl, redirectTtl).allMatch(Objects::nonNull)
                ? s.build("upload.expiry", () -> new Expiries(uploadTtl, downloadTtl, redirectTtl))
                : null;
        Set<String> blockedSet = blocked == null ? null : new HashSet<>(blocked);
        FilenameRules filenames = nameBytes != null && blockedSet != null
                ? s.build("upload.filename", () -> new FilenameRules(nameBytes, blockedSet))
                : null;
        return Stream.of(maxSize, limits, allowList, filenames, expiries).allMatch(Objects::nonNull)
                ? s.build("upload policy", () -> new UploadPolicy(maxSize, limits, allowList, filenames, expiries))
                : null;
    }
}
