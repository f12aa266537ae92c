package dev.filegate.domain.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.domain.file.StorageKeyGenerator;
import dev.filegate.domain.policy.DataSize;
import dev.filegate.domain.policy.Expiries;
import dev.filegate.domain.policy.FilenameRules;
import dev.filegate.domain.policy.MediaTypeAllowList;
import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.policy.SizeLimit;
import dev.filegate.domain.policy.UploadPolicy;
import dev.filegate.domain.storage.ObjectRead;
import dev.filegate.domain.storage.ReadConditions;
import dev.filegate.domain.tenant.AccessDenied;
import dev.filegate.domain.tenant.AccessPolicy;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.tenant.Role;
import dev.filegate.domain.tenant.TenancyStrategy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FileServiceTest {

    private static final OrgId ACME = OrgId.of("acme");
    private static final OrgId GLOBEX = OrgId.of("globex");

    private final InMemoryObjectStore store = new InMemoryObjectStore();

    private FileService service(TenancyStrategy tenancy) {
        UploadPolicy policy = new UploadPolicy(
                DataSize.ofMebibytes(1),
                SizeLimit.parseAll("text/plain=10B"),
                MediaTypeAllowList.parse("image/*,text/plain"),
                FilenameRules.defaults(),
                Expiries.defaults());
        return new FileService(store, tenancy, policy, new AccessPolicy(false), StorageKeyGenerator.systemDefault());
    }

    private final FileService shared = service(TenancyStrategy.of("shared-bucket", "files", null));

    private static Caller uploader(OrgId org) {
        return new Caller("alice", Optional.of(org), Set.of(Role.UPLOADER));
    }

    private static InputStream body(String s) {
        return new ByteArrayInputStream(s.getBytes());
    }

    @Test
    void uploadStoresUnderTheTenantPrefixWithDigest() throws IOException {
        StoredFile f = shared.upload(
                uploader(ACME), ACME, new UploadRequest("a.txt", "text/plain", OptionalLong.of(5)), body("hello"));
        assertEquals(5, f.size());
        assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", f.sha256());
        assertTrue(store.bytes.keySet().iterator().next().startsWith("files/orgs/acme/files/"));
    }

    @Test
    void bodyOverTheLimitWithoutDeclaredSizeIsRefusedAndNothingIsStored() {
        PolicyViolation e = assertThrows(
                PolicyViolation.class,
                () -> shared.upload(
                        uploader(ACME),
                        ACME,
                        new UploadRequest("a.txt", "text/plain", OptionalLong.empty()),
                        body("01234567890")));
        assertEquals(PolicyViolation.Kind.TOO_LARGE, e.kind());
        assertTrue(store.bytes.isEmpty());
    }

    @Test
    void bodyOfExactlyTheLimitIsAccepted() throws IOException {
        assertEquals(
                10,
                shared.upload(
                                uploader(ACME),
                                ACME,
                                new UploadRequest("a.txt", "text/plain", OptionalLong.empty()),
                                body("0123456789"))
                        .size());
    }

    @Test
    void declaredSizeOverTheLimitIsRefusedBeforeTheStoreIsTouched() {
        assertThrows(
                PolicyViolation.class,
                () -> shared.upload(
                        uploader(ACME),
                        ACME,
                        new UploadRequest("a.txt", "text/plain", OptionalLong.of(11)),
                        body("x")));
        assertEquals(0, store.puts);
    }

    @Test
    void bodyShorterThanDeclaredLeavesNothingBehind() {
        assertThrows(
                PolicyViolation.class,
                () -> shared.upload(
                        uploader(ACME),
                        ACME,
                        new UploadRequest("a.txt", "text/plain", OptionalLong.of(8)),
                        body("abc")));
        assertTrue(store.bytes.isEmpty());
    }

    @Test
    void uploadIntoAnotherTenantIsRefusedBeforeTheStoreIsTouched() {
        assertThrows(
                AccessDenied.class,
                () -> shared.upload(
                        uploader(ACME),
                        GLOBEX,
                        new UploadRequest("a.txt", "text/plain", OptionalLong.empty()),
                        body("x")));
        assertEquals(0, store.puts);
    }

    @Test
    void anotherTenantsFileReadsAsMissingAndIsNeverListed() throws IOException {
        StoredFile f = shared.upload(
                uploader(GLOBEX),
                GLOBEX,
                new UploadRequest("g.txt", "text/plain", OptionalLong.empty()),
                body("secret"));
        assertInstanceOf(
                ObjectRead.Missing.class, shared.read(uploader(ACME), ACME, f.id().value(), ReadConditions.none()));
        assertTrue(shared.list(uploader(ACME), ACME, null, 100).files().isEmpty());
        assertEquals(1, shared.list(uploader(GLOBEX), GLOBEX, null, 100).files().size());
    }

    private static InputStream png() {
        return new ByteArrayInputStream(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13});
    }

    @Test
    void pngDeclaredHtmlIsRefusedAndNothingIsStored() {
        PolicyViolation e = assertThrows(
                PolicyViolation.class,
                () -> shared.upload(
                        uploader(ACME),
                        ACME,
                        new UploadRequest("a.png", "image/png", OptionalLong.empty()),
                        body("<!DOCTYPE html><script>alert(1)</script>")));
        assertEquals(PolicyViolation.Kind.TYPE_MISMATCH, e.kind());
        assertEquals(0, store.puts);
    }

    @Test
    void malformedIdsReadAsMissing() {
        assertInstanceOf(
                ObjectRead.Missing.class, shared.read(uploader(ACME), ACME, "../globex/x", ReadConditions.none()));
        assertEquals(false, shared.delete(uploader(ACME), ACME, "2026-01-..%2f"));
    }

    @Test
    void bucketPerTenantKeepsTenantsInSeparateBuckets() throws IOException {
        FileService perTenant = service(TenancyStrategy.of("bucket-per-tenant", null, "t-{org}"));
        perTenant.upload(uploader(ACME), ACME, new UploadRequest("a.png", "image/png", OptionalLong.empty()), png());
        perTenant.upload(
                uploader(GLOBEX), GLOBEX, new UploadRequest("b.png", "image/png", OptionalLong.empty()), png());
        assertTrue(store.bytes.keySet().stream().anyMatch(k -> k.startsWith("t-acme/orgs/acme/files/")));
        assertTrue(store.bytes.keySet().stream().anyMatch(k -> k.startsWith("t-globex/orgs/globex/files/")));
        assertEquals(1, perTenant.list(uploader(ACME), ACME, null, 10).files().size());
    }
}
