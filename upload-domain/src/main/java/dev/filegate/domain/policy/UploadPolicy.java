package dev.filegate.domain.policy;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What the service promises to enforce before any byte is stored or any URL is signed: a size limit (per type where
 * configured), the media-type allow-list, filename rules, extension/type consistency, and deliberate expiries.
 */
public final class UploadPolicy {

    private final DataSize maxSize;
    private final List<SizeLimit> sizeLimits;
    private final MediaTypeAllowList allowList;
    private final FilenameRules filenameRules;
    private final Expiries expiries;

    public UploadPolicy(
            DataSize maxSize,
            List<SizeLimit> sizeLimits,
            MediaTypeAllowList allowList,
            FilenameRules filenameRules,
            Expiries expiries) {
        this.maxSize = Objects.requireNonNull(maxSize, "maxSize");
        this.sizeLimits = List.copyOf(sizeLimits);
        this.allowList = Objects.requireNonNull(allowList, "allowList");
        this.filenameRules = Objects.requireNonNull(filenameRules, "filenameRules");
        this.expiries = Objects.requireNonNull(expiries, "expiries");
        if (maxSize.bytes() <= 0) {
            throw new IllegalArgumentException("the maximum upload size must be positive");
        }
        for (SizeLimit limit : sizeLimits) {
            if (limit.max().bytes() > maxSize.bytes()) {
                throw new IllegalArgumentException(
                        "the limit for " + limit.pattern() + " exceeds the overall maximum " + maxSize);
            }
        }
    }

    /**
     * Checks a proposed upload.
     *
     * @param declaredSize the size the client announced, if any; checked here, and the stream is still cut at the limit
     * @throws PolicyViolation naming the rule that was broken
     */
    public ValidatedUpload check(String filename, String contentType, OptionalLong declaredSize) {
        FileName name = filenameRules.check(filename);
        MediaType type = MediaType.parse(contentType);
        if (!allowList.allows(type)) {
            throw new PolicyViolation(
                    PolicyViolation.Kind.TYPE_NOT_ALLOWED, "the content type " + type + " is not allowed");
        }
        String ext = KnownFileTypes.keyExtension(name, type);
        long max = maxBytesFor(type);
        if (declaredSize.isPresent()) {
            if (declaredSize.getAsLong() < 0) {
                throw new PolicyViolation(PolicyViolation.Kind.INVALID_REQUEST, "the declared size cannot be negative");
            }
            if (declaredSize.getAsLong() > max) {
                throw tooLarge(type, max);
            }
        }
        return new ValidatedUpload(name, type, ext, max);
    }

    public long maxBytesFor(MediaType type) {
        return sizeLimits.stream()
                .filter(l -> l.appliesTo(type))
                .findFirst()
                .map(l -> l.max().bytes())
                .orElse(maxSize.bytes());
    }

    public static PolicyViolation tooLarge(MediaType type, long max) {
        return new PolicyViolation(
                PolicyViolation.Kind.TOO_LARGE,
                "the file is larger than the " + DataSize.ofBytes(max) + " allowed for " + type);
    }

    public DataSize maxSize() {
        return maxSize;
    }

    public List<SizeLimit> sizeLimits() {
        return sizeLimits;
    }

    public MediaTypeAllowList allowList() {
        return allowList;
    }

    public FilenameRules filenameRules() {
        return filenameRules;
    }

    public Expiries expiries() {
        return expiries;
    }
}
