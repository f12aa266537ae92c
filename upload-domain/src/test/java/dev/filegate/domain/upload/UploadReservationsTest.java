package dev.filegate.domain.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.file.StorageKeyGenerator;
import dev.filegate.domain.policy.DataSize;
import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.policy.UploadPolicy;
import dev.filegate.domain.storage.AccessSigner;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.PendingUpload;
import dev.filegate.domain.tenant.AccessDenied;
import dev.filegate.domain.tenant.AccessPolicy;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.tenant.Role;
import dev.filegate.domain.tenant.TenancyStrategy;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UploadReservationsTest {

    private static final OrgId ACME = OrgId.of("acme");
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final UploadRequest CAT = new UploadRequest("cat.png", "image/png", OptionalLong.of(12));

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final InMemoryPendingUploads ledger = new InMemoryPendingUploads();
    private final RecordingSigner signer = new RecordingSigner();
    private final TenancyStrategy tenancy = Fixtures.SHARED_BUCKET;
    private final UploadPolicy policy = Fixtures.imagesUpTo1MiB();
    private final StorageKeyGenerator keys =
            new StorageKeyGenerator(Clock.fixed(NOW, ZoneOffset.UTC), UUID::randomUUID);
    private final UploadReservations reservations = reservations(false);
    private final Caller alice = new Caller("alice", Optional.of(ACME), Set.of(Role.UPLOADER));

    private UploadReservations reservations(boolean requireSha256) {
        return new UploadReservations(
                store, signer, ledger, tenancy, policy, new AccessPolicy(false), keys, requireSha256);
    }

    private PresignedUpload presign() {
        return reservations.presign(alice, ACME, CAT, Optional.empty(), AccessSigner.Audience.PUBLIC);
    }

    @Test
    void clientsAreOnlyEverSignedUrlsForTheIncomingArea() {
        presign();
        assertEquals(2, signer.signedFor.size(), "a PUT and a GET");
        assertTrue(signer.signedFor.stream().allMatch(ObjectLocation::incoming), signer.signedFor.toString());
    }

    @Test
    void aReservationIsRecordedOpenInTheLedgerWithWhatWasSigned() {
        PresignedUpload u = presign();
        PendingUpload entry = ledger.find("files", StorageKey.of(ACME, u.id())).orElseThrow();
        assertEquals("cat.png", entry.filename());
        assertEquals("image/png", entry.contentType());
        assertEquals(12, entry.size());
        assertEquals("alice", entry.uploadedBy());
        assertEquals(NOW, entry.createdAt());
        assertEquals(u.put().expiresAt(), entry.expiresAt());
        assertFalse(entry.closed());
    }

    @Test
    void onlyServiceCallersGetUrlsForTheInternalEndpoint() {
        assertThrows(
                AccessDenied.class,
                () -> reservations.presign(alice, ACME, CAT, Optional.empty(), AccessSigner.Audience.INTERNAL));
        Caller runner = new Caller("runner", Optional.of(ACME), Set.of(Role.UPLOADER, Role.SERVICE));
        reservations.presign(runner, ACME, CAT, Optional.empty(), AccessSigner.Audience.INTERNAL);
        assertTrue(ledger.entries.size() == 1);
        assertFalse(signer.signedFor.isEmpty());
    }

    @Test
    void aDeploymentCanRequireASha256WithEveryPresignedUpload() {
        UploadReservations strict = reservations(true);
        assertThrows(
                PolicyViolation.class,
                () -> strict.presign(alice, ACME, CAT, Optional.empty(), AccessSigner.Audience.PUBLIC));
    }

    @Test
    void nothingIsSignedOrRecordedForARequestThePolicyRefuses() {
        Caller mallory = new Caller("mallory", Optional.of(OrgId.of("globex")), Set.of(Role.UPLOADER));
        assertThrows(
                AccessDenied.class,
                () -> reservations.presign(mallory, ACME, CAT, Optional.empty(), AccessSigner.Audience.PUBLIC));
        for (UploadRequest refused : new UploadRequest[] {
            new UploadRequest("cat.png", "image/png", OptionalLong.empty()),
            new UploadRequest("page.html", "text/html", OptionalLong.of(12)),
            new UploadRequest(
                    "cat.png",
                    "image/png",
                    OptionalLong.of(DataSize.ofMebibytes(2).bytes()))
        }) {
            assertThrows(
                    PolicyViolation.class,
                    () -> reservations.presign(alice, ACME, refused, Optional.empty(), AccessSigner.Audience.PUBLIC));
        }
        assertThrows(
                PolicyViolation.class,
                () -> reservations.presign(alice, ACME, CAT, Optional.of("abc"), AccessSigner.Audience.PUBLIC));
        assertTrue(signer.signedFor.isEmpty());
        assertTrue(ledger.entries.isEmpty());
    }

    @Test
    void aSha256IsTakenAsHexOrBase64AndNothingElse() {
        String hex = "00".repeat(31) + "ff";
        assertEquals(32, UploadReservations.decodeSha256(hex).length);
        assertEquals(32, UploadReservations.decodeSha256(hex.toUpperCase()).length);
        assertEquals(32, UploadReservations.decodeSha256(" AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= ").length);
        for (String bad : new String[] {"", "00", hex + "00", "zz".repeat(32), "AAAA", "not base64!"}) {
            assertThrows(PolicyViolation.class, () -> UploadReservations.decodeSha256(bad), bad);
        }
    }

    @Test
    void aGatewayReservationSignsNothingAndPointsAtTheGatewayPath() {
        PresignedUpload u = reservations.reserveForGateway(alice, ACME, CAT, URI.create("https://gw.example/"));
        assertTrue(signer.signedFor.isEmpty());
        URI expected = URI.create("https://gw.example/files/acme/" + u.id().value());
        assertEquals(expected, u.put().url());
        assertEquals(expected, u.get().url());
        assertEquals(
                Map.of("Content-Type", "image/png", "Content-Length", "12"),
                u.put().headers());
        assertEquals(NOW.plus(policy.expiries().uploadUrl()), u.put().expiresAt());
        PendingUpload entry = ledger.find("files", StorageKey.of(ACME, u.id())).orElseThrow();
        assertEquals(u.put().expiresAt(), entry.expiresAt());
        assertEquals(null, entry.sha256Hex());
    }
}
