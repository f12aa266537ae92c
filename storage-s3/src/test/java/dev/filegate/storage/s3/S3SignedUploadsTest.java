package dev.filegate.storage.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.domain.file.FileId;
import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.storage.AccessSigner.Audience;
import dev.filegate.domain.storage.MultipartUploads.UploadedPart;
import dev.filegate.domain.storage.NewObject;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.ObjectRead;
import dev.filegate.domain.storage.PostPolicy;
import dev.filegate.domain.storage.ReadConditions;
import dev.filegate.domain.storage.SignedRequest;
import dev.filegate.domain.storage.StoredObject;
import dev.filegate.domain.tenant.OrgId;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What the store itself enforces of the signer's POST policies and part URLs, against a real SigV4-verifying S3
 * server (S3Proxy): the bounds hold only if the store refuses what they exclude. Every refusal is checked to have
 * stored nothing.
 */
class S3SignedUploadsTest {

    private static final String BUCKET = "signed-uploads";
    private static final ObjectLocation AT = new ObjectLocation(
                    BUCKET,
                    StorageKey.of(OrgId.of("acme"), new FileId("2026-01-00000000-0000-4000-8000-000000000001.bin")))
            .incomingArea();
    private static final ObjectLocation ELSEWHERE = new ObjectLocation(
                    BUCKET,
                    StorageKey.of(OrgId.of("acme"), new FileId("2026-01-00000000-0000-4000-8000-000000000002.bin")))
            .incomingArea();

    @RegisterExtension
    final S3ProxyExtension proxy = S3ProxyStores.proxy();

    private S3Client s3;
    private S3Storage storage;
    private S3AccessSigner signer;

    @BeforeEach
    void connect() {
        S3Settings settings = S3ProxyStores.settings(proxy);
        s3 = S3Clients.create(settings);
        storage = new S3Storage(s3, settings);
        storage.administration().prepare(BUCKET);
        signer = new S3AccessSigner(settings, Optional.empty());
    }

    @AfterEach
    void close() {
        signer.close();
        s3.close();
    }

    private PostPolicy policy(Duration ttl) {
        return signer.signPostPolicy(AT, "image/png", 10, 20, ttl, Audience.INTERNAL);
    }

    private PostPolicy policy() {
        return policy(Duration.ofMinutes(5));
    }

    private static Map<String, String> with(Map<String, String> fields, String name, String value) {
        Map<String, String> edited = new LinkedHashMap<>(fields);
        edited.put(name, value);
        return edited;
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7 + 1);
        }
        return b;
    }

    private byte[] stored(ObjectLocation at) throws IOException {
        try (InputStream in = ((ObjectRead.Content) storage.objects().get(at, ReadConditions.none())).body()) {
            return in.readAllBytes();
        }
    }

    private void assertNothingStored(StoreClients.Answer answer, ObjectLocation... nowhere) {
        assertFalse(answer.ok(), answer.toString());
        for (ObjectLocation at : nowhere) {
            assertEquals(Optional.empty(), storage.objects().head(at), "nothing stored at " + at.objectKey());
        }
    }

    @Test
    void aFormUploadAnywhereInTheSizeRangeIsStoredWithTheBoundType() throws Exception {
        for (int size : new int[] {10, 15, 20}) {
            StoreClients.Answer answer = StoreClients.post(policy(), bytes(size));
            assertTrue(answer.ok(), answer.toString());
            StoredObject head = storage.objects().head(AT).orElseThrow();
            assertEquals(size, head.size());
            assertEquals("image/png", head.contentType());
            assertArrayEquals(bytes(size), stored(AT));
        }
    }

    @Test
    void theStoredTypeIsThePoliciesEvenWhenTheFilePartSaysAnother() throws Exception {
        PostPolicy policy = policy();
        StoreClients.Answer answer = StoreClients.post(policy.url(), policy.fields(), "text/html", bytes(12));
        assertTrue(answer.ok(), answer.toString());
        assertEquals("image/png", storage.objects().head(AT).orElseThrow().contentType());
    }

    @Test
    void aFormUploadOneByteBelowTheMinimumIsRefusedByTheStore() throws Exception {
        StoreClients.Answer answer = StoreClients.post(policy(), bytes(9));
        assertEquals(400, answer.status(), answer.toString());
        assertNothingStored(answer, AT);
    }

    @Test
    void aFormUploadOneByteAboveTheMaximumIsRefusedByTheStore() throws Exception {
        StoreClients.Answer answer = StoreClients.post(policy(), bytes(21));
        assertEquals(400, answer.status(), answer.toString());
        assertNothingStored(answer, AT);
    }

    @Test
    void aFormUploadToAnotherKeyIsRefusedByTheStore() throws Exception {
        PostPolicy policy = policy();
        StoreClients.Answer answer = StoreClients.post(
                policy.url(), with(policy.fields(), "key", ELSEWHERE.objectKey()), "image/png", bytes(12));
        assertEquals(403, answer.status(), answer.toString());
        assertNothingStored(answer, AT, ELSEWHERE);
    }

    @Test
    void aFormUploadWithAnotherContentTypeOrNoneIsRefusedByTheStore() throws Exception {
        PostPolicy policy = policy();
        StoreClients.Answer other = StoreClients.post(
                policy.url(), with(policy.fields(), "Content-Type", "text/html"), "text/html", bytes(12));
        assertEquals(403, other.status(), other.toString());
        assertNothingStored(other, AT);
        Map<String, String> untyped = new LinkedHashMap<>(policy.fields());
        untyped.remove("Content-Type");
        StoreClients.Answer none = StoreClients.post(policy.url(), untyped, "text/html", bytes(12));
        assertEquals(403, none.status(), none.toString());
        assertNothingStored(none, AT);
    }

    @Test
    void aFormUploadToAnotherBucketIsRefusedByTheStore() throws Exception {
        storage.administration().prepare("signed-elsewhere");
        PostPolicy policy = policy();
        URI otherBucket = URI.create(policy.url().toString().replace("/" + BUCKET + "/", "/signed-elsewhere/"));
        StoreClients.Answer answer = StoreClients.post(otherBucket, policy.fields(), "image/png", bytes(12));
        assertEquals(403, answer.status(), answer.toString());
        assertNothingStored(answer, new ObjectLocation("signed-elsewhere", AT.key(), true));
    }

    @Test
    void aFormFieldThePolicyDoesNotCoverIsRefusedByTheStore() throws Exception {
        PostPolicy policy = policy();
        for (Map.Entry<String, String> extra : Map.of(
                        "acl", "public-read",
                        "x-amz-meta-uploaded-by", "mallory",
                        "success_action_redirect", "https://evil.example/")
                .entrySet()) {
            StoreClients.Answer answer = StoreClients.post(
                    policy.url(), with(policy.fields(), extra.getKey(), extra.getValue()), "image/png", bytes(12));
            assertEquals(403, answer.status(), extra.getKey() + ": " + answer);
            assertNothingStored(answer, AT);
        }
    }

    @Test
    void aTamperedPolicyOrSignatureIsRefusedByTheStore() throws Exception {
        PostPolicy policy = policy();
        String document = new String(Base64.getDecoder().decode(policy.fields().get("policy")), StandardCharsets.UTF_8);
        String widened = document.replace("[\"content-length-range\",10,20]", "[\"content-length-range\",10,2000]");
        assertTrue(!widened.equals(document), document);
        StoreClients.Answer tamperedPolicy = StoreClients.post(
                policy.url(),
                with(
                        policy.fields(),
                        "policy",
                        Base64.getEncoder().encodeToString(widened.getBytes(StandardCharsets.UTF_8))),
                "image/png",
                bytes(100));
        assertEquals(403, tamperedPolicy.status(), tamperedPolicy.toString());
        assertNothingStored(tamperedPolicy, AT);

        String signature = policy.fields().get("x-amz-signature");
        String flipped = (signature.charAt(0) == '0' ? "1" : "0") + signature.substring(1);
        StoreClients.Answer tamperedSignature = StoreClients.post(
                policy.url(), with(policy.fields(), "x-amz-signature", flipped), "image/png", bytes(12));
        assertEquals(403, tamperedSignature.status(), tamperedSignature.toString());
        assertNothingStored(tamperedSignature, AT);
    }

    @Test
    void anExpiredPolicyIsRefusedByTheStore() throws Exception {
        PostPolicy policy = policy(Duration.ofSeconds(1));
        Thread.sleep(Duration.between(Instant.now(), policy.expiresAt())
                .plusMillis(1200)
                .toMillis());
        StoreClients.Answer answer = StoreClients.post(policy, bytes(12));
        assertEquals(403, answer.status(), answer.toString());
        assertNothingStored(answer, AT);
    }

    private String startUpload(ObjectLocation at) {
        return storage.multipartUploads()
                .start(at, NewObject.unvalidated("application/octet-stream", "alice", OptionalLong.empty()));
    }

    private static URI edited(URI url, String from, String to) {
        String edited = url.toString().replace(from, to);
        assertTrue(!edited.equals(url.toString()), "the URL names " + from);
        return URI.create(edited);
    }

    @Test
    void aPartUrlUploadsThatPartOfThatUpload() throws Exception {
        String uploadId = startUpload(AT);
        SignedRequest part = signer.signPart(AT, uploadId, 3, Duration.ofMinutes(5), Audience.INTERNAL);
        StoreClients.Answer answer = StoreClients.put(part, bytes(12));
        assertTrue(answer.ok(), answer.toString());
        List<UploadedPart> parts =
                storage.multipartUploads().parts(AT, uploadId).orElseThrow();
        assertEquals(1, parts.size());
        assertEquals(3, parts.get(0).number());
        assertEquals(12, parts.get(0).size());
        assertEquals(answer.headers().get("etag").get(0), parts.get(0).etag(), "the ETag the client reads");
    }

    @Test
    void aPartUrlForPartThreeEditedToPartFourIsRefusedByTheStore() throws Exception {
        String uploadId = startUpload(AT);
        SignedRequest part = signer.signPart(AT, uploadId, 3, Duration.ofMinutes(5), Audience.INTERNAL);
        StoreClients.Answer answer =
                StoreClients.put(edited(part.url(), "partNumber=3", "partNumber=4"), part.headers(), bytes(12));
        assertEquals(403, answer.status(), answer.toString());
        assertEquals(List.of(), storage.multipartUploads().parts(AT, uploadId).orElseThrow());
    }

    @Test
    void aPartUrlUsedForAnotherUploadOrObjectIsRefusedByTheStore() throws Exception {
        String uploadId = startUpload(AT);
        String other = startUpload(AT);
        String elsewhere = startUpload(ELSEWHERE);
        SignedRequest part = signer.signPart(AT, uploadId, 1, Duration.ofMinutes(5), Audience.INTERNAL);
        String encoded = "uploadId=" + URLEncoder.encode(uploadId, StandardCharsets.UTF_8);
        StoreClients.Answer otherUpload = StoreClients.put(
                edited(part.url(), encoded, "uploadId=" + URLEncoder.encode(other, StandardCharsets.UTF_8)),
                part.headers(),
                bytes(12));
        assertEquals(403, otherUpload.status(), otherUpload.toString());
        StoreClients.Answer otherObject = StoreClients.put(
                edited(
                        edited(part.url(), AT.objectKey(), ELSEWHERE.objectKey()),
                        encoded,
                        "uploadId=" + URLEncoder.encode(elsewhere, StandardCharsets.UTF_8)),
                part.headers(),
                bytes(12));
        assertEquals(403, otherObject.status(), otherObject.toString());
        assertEquals(List.of(), storage.multipartUploads().parts(AT, other).orElseThrow());
        assertEquals(
                List.of(),
                storage.multipartUploads().parts(ELSEWHERE, elsewhere).orElseThrow());
        assertEquals(List.of(), storage.multipartUploads().parts(AT, uploadId).orElseThrow());
    }
}
