package dev.filegate.storage.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.domain.file.FileId;
import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.PostPolicy;
import dev.filegate.domain.tenant.OrgId;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The hand-made POST policy, without a store: the exact document and signature for fixed inputs (the signature
 * computed independently, with Python's hmac), SigV4's published signing-key example, session tokens and escaping.
 * That a real store accepts it is {@link S3SignedUploadsTest}'s.
 */
class S3PostPoliciesTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07.891Z"), ZoneOffset.UTC);
    private static final ObjectLocation AT = new ObjectLocation(
            "acme-files",
            StorageKey.of(OrgId.of("acme"), new FileId("2026-01-00000000-0000-4000-8000-000000000001.bin")));
    private static final URI BUCKET_URL = URI.create("https://store.example/acme-files/");

    private static S3PostPolicies policies(StaticCredentialsProvider credentials) {
        return new S3PostPolicies(credentials, "eu-central-1", CLOCK);
    }

    private static final S3PostPolicies BASIC =
            policies(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", SECRET)));

    private static String document(PostPolicy policy) {
        return new String(Base64.getDecoder().decode(policy.fields().get("policy")), StandardCharsets.UTF_8);
    }

    @Test
    void theSigningKeyIsSigV4sChainAsInAwsPublishedExample() {
        assertEquals(
                "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d",
                HexFormat.of().formatHex(S3PostPolicies.signingKey(SECRET, "20120215", "us-east-1", "iam")));
    }

    @Test
    void thePolicyBindsBucketKeyTypeSizeRangeExpiryAndTheSigningFieldsAndIsSignedWithTheDaysKey() {
        PostPolicy policy = BASIC.sign(BUCKET_URL, AT, "image/png", 1, 1_048_576, Duration.ofMinutes(15));
        assertEquals(
                "{\"expiration\":\"2026-03-04T05:21:07.891Z\",\"conditions\":[{\"bucket\":\"acme-files\"},"
                        + "[\"eq\",\"$key\",\"orgs/acme/files/2026/01/00000000-0000-4000-8000-000000000001.bin\"],"
                        + "[\"eq\",\"$Content-Type\",\"image/png\"],[\"content-length-range\",1,1048576],"
                        + "{\"x-amz-algorithm\":\"AWS4-HMAC-SHA256\"},"
                        + "{\"x-amz-credential\":\"AKIDEXAMPLE/20260304/eu-central-1/s3/aws4_request\"},"
                        + "{\"x-amz-date\":\"20260304T050607Z\"}]}",
                document(policy));
        assertEquals(
                "6e1ac4af39c191a669ec0964360bd9ad8ae1719c57a0cadad59ffda17abe6618",
                policy.fields().get("x-amz-signature"));
        assertEquals(AT.objectKey(), policy.fields().get("key"));
        assertEquals("image/png", policy.fields().get("Content-Type"));
        assertEquals("AWS4-HMAC-SHA256", policy.fields().get("x-amz-algorithm"));
        assertEquals(
                "AKIDEXAMPLE/20260304/eu-central-1/s3/aws4_request",
                policy.fields().get("x-amz-credential"));
        assertEquals("20260304T050607Z", policy.fields().get("x-amz-date"));
        assertEquals(
                Set.of(
                        "key",
                        "Content-Type",
                        "x-amz-algorithm",
                        "x-amz-credential",
                        "x-amz-date",
                        "policy",
                        "x-amz-signature"),
                policy.fields().keySet(),
                "every field but the policy and signature is a condition of the policy, as S3 requires");
        assertEquals(Instant.parse("2026-03-04T05:21:07.891Z"), policy.expiresAt());
        assertEquals(BUCKET_URL, policy.url());
    }

    @Test
    void sessionCredentialsSendTheirTokenAsAFieldThePolicyBinds() {
        PostPolicy policy = policies(StaticCredentialsProvider.create(
                        AwsSessionCredentials.create("ASIAEXAMPLE", SECRET, "token/with+chars=")))
                .sign(BUCKET_URL, AT, "image/png", 1, 10, Duration.ofMinutes(1));
        assertEquals("token/with+chars=", policy.fields().get("x-amz-security-token"));
        assertTrue(document(policy).endsWith(",{\"x-amz-security-token\":\"token/with+chars=\"}]}"), document(policy));
        assertEquals(8, policy.fields().size());
    }

    @Test
    void basicCredentialsSendNoToken() {
        PostPolicy policy = BASIC.sign(BUCKET_URL, AT, "image/png", 1, 10, Duration.ofMinutes(1));
        assertTrue(!policy.fields().containsKey("x-amz-security-token"));
        assertTrue(!document(policy).contains("security-token"));
    }

    @Test
    void quotesBackslashesAndControlCharactersCannotEndAStringEarly() {
        assertEquals("\"a\\\"b\\\\c\\u000a\\u0000\\u2028d\"", S3PostPolicies.quoted("a\"b\\c\n\0\u2028d"));
        assertEquals("\"image/svg+xml; charset=utf-8\"", S3PostPolicies.quoted("image/svg+xml; charset=utf-8"));
        PostPolicy policy =
                BASIC.sign(BUCKET_URL, AT, "text/plain\",[\"starts-with\",\"$key\",\"", 1, 10, Duration.ofMinutes(1));
        assertTrue(
                document(policy).contains("[\"eq\",\"$Content-Type\",\"text/plain\\\",[\\\"starts-with\\\""),
                document(policy));
    }

    @Test
    void aRangeEndingBeforeItStartsOrANegativeOneOrANonPositiveTtlIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> BASIC.sign(BUCKET_URL, AT, "image/png", 10, 9, Duration.ofMinutes(1)));
        assertThrows(
                IllegalArgumentException.class,
                () -> BASIC.sign(BUCKET_URL, AT, "image/png", -1, 9, Duration.ofMinutes(1)));
        assertThrows(
                IllegalArgumentException.class, () -> BASIC.sign(BUCKET_URL, AT, "image/png", 1, 9, Duration.ZERO));
    }
}
