package dev.filegate.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class UploadPolicyTest {

    private final UploadPolicy policy = new UploadPolicy(
            DataSize.ofMebibytes(100),
            SizeLimit.parseAll("image/*=20MiB,text/plain=1KiB"),
            MediaTypeAllowList.parse("image/*, application/pdf, text/plain, application/octet-stream"),
            FilenameRules.defaults(),
            Expiries.defaults());

    private PolicyViolation.Kind refusal(String name, String type, OptionalLong size) {
        return assertThrows(PolicyViolation.class, () -> policy.check(name, type, size))
                .kind();
    }

    @Test
    void wildcardAllowsEveryImageSubtype() {
        assertEquals(
                "webp", policy.check("a.webp", "image/webp", OptionalLong.of(5)).keyExtension());
        assertEquals(
                "png",
                policy.check("a.png", "IMAGE/PNG; charset=binary", OptionalLong.empty())
                        .keyExtension());
    }

    @Test
    void typeOutsideTheAllowListIsRefused() {
        assertEquals(PolicyViolation.Kind.TYPE_NOT_ALLOWED, refusal("a.html", "text/html", OptionalLong.empty()));
        assertEquals(PolicyViolation.Kind.TYPE_NOT_ALLOWED, refusal("a.zip", "application/zip", OptionalLong.empty()));
    }

    @Test
    void declaredWildcardTypeIsNotAConcreteType() {
        assertEquals(PolicyViolation.Kind.TYPE_NOT_ALLOWED, refusal("a.png", "image/*", OptionalLong.empty()));
        assertEquals(PolicyViolation.Kind.TYPE_NOT_ALLOWED, refusal("a.png", "", OptionalLong.empty()));
        assertEquals(PolicyViolation.Kind.TYPE_NOT_ALLOWED, refusal("a.png", "png", OptionalLong.empty()));
    }

    @Test
    void extensionTypeMismatch() {
        assertEquals(PolicyViolation.Kind.TYPE_MISMATCH, refusal("a.png", "image/jpeg", OptionalLong.empty()));
        assertEquals(PolicyViolation.Kind.TYPE_MISMATCH, refusal("a.pdf", "text/plain", OptionalLong.empty()));
        assertEquals(PolicyViolation.Kind.TYPE_MISMATCH, refusal("a.xyz", "image/png", OptionalLong.empty()));
    }

    @Test
    void genericBinaryIsConsistentWithAnyExtension() {
        assertEquals(
                "png",
                policy.check("a.png", "application/octet-stream", OptionalLong.empty())
                        .keyExtension());
        assertEquals(
                "xyz",
                policy.check("a.xyz", "application/octet-stream", OptionalLong.empty())
                        .keyExtension());
    }

    @Test
    void missingExtensionGetsTheCanonicalOneOfAKnownType() {
        assertEquals(
                "jpg", policy.check("photo", "image/jpeg", OptionalLong.empty()).keyExtension());
        assertEquals(
                "",
                policy.check("blob", "application/octet-stream", OptionalLong.empty())
                        .keyExtension());
    }

    @Test
    void extensionIsLowerCased() {
        assertEquals(
                "jpeg",
                policy.check("A.JPEG", "image/jpeg", OptionalLong.empty()).keyExtension());
    }

    @Test
    void declaredSizeOverTheTypeLimitIsRefused() {
        assertEquals(PolicyViolation.Kind.TOO_LARGE, refusal("a.txt", "text/plain", OptionalLong.of(1025)));
        assertEquals(
                1024, policy.check("a.txt", "text/plain", OptionalLong.of(1024)).maxBytes());
        assertEquals(
                PolicyViolation.Kind.TOO_LARGE, refusal("a.png", "image/png", OptionalLong.of(20L * 1024 * 1024 + 1)));
        assertEquals(
                100L * 1024 * 1024,
                policy.check("a.pdf", "application/pdf", OptionalLong.empty()).maxBytes());
    }

    @Test
    void negativeDeclaredSizeIsRefused() {
        assertEquals(PolicyViolation.Kind.INVALID_REQUEST, refusal("a.pdf", "application/pdf", OptionalLong.of(-1)));
    }

    @Test
    void typeLimitAboveTheOverallMaximumIsAConfigurationError() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new UploadPolicy(
                        DataSize.ofMebibytes(1),
                        List.of(new SizeLimit("image/*", DataSize.ofMebibytes(2))),
                        MediaTypeAllowList.parse("image/*"),
                        FilenameRules.defaults(),
                        Expiries.defaults()));
    }

    @Test
    void expiriesBeyondSevenDaysAreRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new Expiries(Duration.ofDays(8), Duration.ofHours(1), Duration.ofSeconds(30)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Expiries(Duration.ZERO, Duration.ofHours(1), Duration.ofSeconds(30)));
        assertEquals(Duration.ofMinutes(15), Expiries.defaults().uploadUrl());
    }
}
