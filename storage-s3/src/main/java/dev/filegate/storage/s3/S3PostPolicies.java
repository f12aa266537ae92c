package dev.filegate.storage.s3;

import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.PostPolicy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * S3 POST policies (browser form uploads), signed by hand: the AWS SDK has no helper for them. The policy is a JSON
 * document of conditions the store enforces (bucket, exact key, exact content type, a size range, expiry, and the
 * signing fields themselves, as S3 requires of every form field); its base64 form is signed with SigV4's signing key
 * for the day, region and {@code s3}, and the signature and the policy go with the form.
 */
final class S3PostPolicies {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    private static final DateTimeFormatter EXPIRATION =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final AwsCredentialsProvider credentials;
    private final String region;
    private final Clock clock;

    S3PostPolicies(AwsCredentialsProvider credentials, String region, Clock clock) {
        this.credentials = credentials;
        this.region = region;
        this.clock = clock;
    }

    /**
     * A form upload of exactly {@code location}'s key and {@code contentType}, of {@code minSize} to {@code maxSize}
     * bytes (inclusive), to {@code bucketUrl}, until {@code ttl} has passed.
     */
    PostPolicy sign(
            URI bucketUrl, ObjectLocation location, String contentType, long minSize, long maxSize, Duration ttl) {
        if (minSize < 0 || maxSize < minSize) {
            throw new IllegalArgumentException("the size range must be 0 <= min <= max");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a POST policy must be valid for some time");
        }
        // Whole milliseconds: the expiration is written with millisecond precision and must be what expiresAt says.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expiresAt = now.plus(ttl).truncatedTo(ChronoUnit.MILLIS);
        AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
        String credential = identity.accessKeyId() + "/" + DAY.format(now) + "/" + region + "/s3/aws4_request";
        String amzDate = AMZ_DATE.format(now);
        String token = identity instanceof AwsSessionCredentialsIdentity session ? session.sessionToken() : null;

        StringBuilder json = new StringBuilder()
                .append("{\"expiration\":")
                .append(quoted(EXPIRATION.format(expiresAt)))
                .append(",\"conditions\":[")
                .append("{\"bucket\":")
                .append(quoted(location.bucket()))
                .append("},[\"eq\",\"$key\",")
                .append(quoted(location.objectKey()))
                .append("],[\"eq\",\"$Content-Type\",")
                .append(quoted(contentType))
                .append("],[\"content-length-range\",")
                .append(minSize)
                .append(',')
                .append(maxSize)
                .append("],{\"x-amz-algorithm\":\"" + ALGORITHM + "\"}")
                .append(",{\"x-amz-credential\":")
                .append(quoted(credential))
                .append("},{\"x-amz-date\":")
                .append(quoted(amzDate))
                .append('}');
        if (token != null) {
            json.append(",{\"x-amz-security-token\":").append(quoted(token)).append('}');
        }
        json.append("]}");
        String policy = Base64.getEncoder().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
        String signature = HexFormat.of()
                .formatHex(hmac(signingKey(identity.secretAccessKey(), DAY.format(now), region, "s3"), policy));

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", location.objectKey());
        fields.put("Content-Type", contentType);
        fields.put("x-amz-algorithm", ALGORITHM);
        fields.put("x-amz-credential", credential);
        fields.put("x-amz-date", amzDate);
        if (token != null) {
            fields.put("x-amz-security-token", token);
        }
        fields.put("policy", policy);
        fields.put("x-amz-signature", signature);
        return new PostPolicy(bucketUrl, fields, expiresAt);
    }

    /** SigV4's signing key: HMAC-SHA256 from {@code "AWS4" + secret} through the day, region, service and request. */
    static byte[] signingKey(String secret, String day, String region, String service) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), day);
        key = hmac(key, region);
        key = hmac(key, service);
        return hmac(key, "aws4_request");
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /**
     * {@code value} as a JSON string. Keys and types are the service's own, but a quote, backslash or control
     * character must still never end the string early or change the document.
     */
    static String quoted(String value) {
        StringBuilder b = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
