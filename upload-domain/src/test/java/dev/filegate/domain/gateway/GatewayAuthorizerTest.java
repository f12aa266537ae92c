package dev.filegate.domain.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.domain.file.FileId;
import dev.filegate.domain.file.GatewayPath;
import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.file.StorageKeyGenerator;
import dev.filegate.domain.storage.AccessSigner;
import dev.filegate.domain.storage.NewObject;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.PendingUpload;
import dev.filegate.domain.storage.PostPolicy;
import dev.filegate.domain.storage.SignedRequest;
import dev.filegate.domain.tenant.AccessDenied;
import dev.filegate.domain.tenant.AccessPolicy;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.tenant.Role;
import dev.filegate.domain.tenant.TenancyStrategy;
import dev.filegate.domain.upload.InMemoryObjectStore;
import dev.filegate.domain.upload.InMemoryPendingUploads;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The gateway's request parser and decision, attacked from the client's side: every request that is not exactly
 * {@code GET|HEAD|PUT /files/{org}/{fileId}} of the caller's own tenant is refused before anything is signed, and
 * what is signed is always the service's canonical key, never the client's spelling of it.
 */
class GatewayAuthorizerTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final OrgId ACME = OrgId.of("acme");
    private static final OrgId GLOBEX = OrgId.of("globex");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final StorageKeyGenerator keys = new StorageKeyGenerator(clock, UUID::randomUUID);
    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final InMemoryPendingUploads ledger = new InMemoryPendingUploads();
    private final List<String> signed = new ArrayList<>();
    private final List<ObjectLocation> signedFor = new ArrayList<>();
    private final TenancyStrategy tenancy = TenancyStrategy.of("shared-bucket", "files", null);
    private final GatewayAuthorizer authorizer = authorizer(tenancy, new AccessPolicy(false));

    private final Caller alice = new Caller("alice", Optional.of(ACME), Set.of(Role.UPLOADER));
    private final Caller reader = new Caller("rita", Optional.of(ACME), Set.of(Role.READER));
    private final Caller mallory = new Caller("mallory", Optional.of(GLOBEX), Set.of(Role.UPLOADER));
    private final Caller globexAdmin = new Caller("gus", Optional.of(GLOBEX), Set.of(Role.ADMIN));

    private GatewayAuthorizer authorizer(TenancyStrategy strategy, AccessPolicy access) {
        return new GatewayAuthorizer(store, new RecordingSigner(), ledger, strategy, access, clock);
    }

    /** A file the service completed: sealed with its filename in the files area. */
    private FileId completedFile(OrgId org) throws IOException {
        return completedFile(org, tenancy);
    }

    private FileId completedFile(OrgId org, TenancyStrategy strategy) throws IOException {
        StorageKey key = keys.next(org, "png");
        store.put(
                new ObjectLocation(strategy.bucketFor(org), key),
                new NewObject("image/png", "cat.png", "alice", OptionalLong.of(PNG.length)),
                new ByteArrayInputStream(PNG));
        return key.fileId();
    }

    /** An upload reserved through the API and not completed: its ledger entry, still open. */
    private FileId reservedUpload(OrgId org) {
        StorageKey key = keys.next(org, "png");
        ledger.record(new PendingUpload(
                "files",
                key,
                "cat.png",
                "image/png",
                PNG.length,
                null,
                "alice",
                NOW,
                NOW.plus(Duration.ofMinutes(15))));
        return key.fileId();
    }

    private static String path(OrgId org, FileId id) {
        return "/files/" + org.value() + "/" + id.value();
    }

    private GatewayGrant get(Caller caller, String rawUri) {
        return authorizer.authorize(caller, "GET", rawUri, OptionalLong.empty(), null);
    }

    private GatewayGrant put(Caller caller, String rawUri, long length, String type) {
        return authorizer.authorize(caller, "PUT", rawUri, OptionalLong.of(length), type);
    }

    /** Refused, and nothing was signed for it. */
    private void assertRefused(Caller caller, String method, String rawUri) {
        assertThrows(
                AccessDenied.class,
                () -> authorizer.authorize(caller, method, rawUri, OptionalLong.of(PNG.length), "image/png"),
                method + " " + rawUri);
        assertEquals(List.of(), signed, method + " " + rawUri + " must not be signed");
    }

    private void assertAllRefused(Caller caller, List<String> rawUris) {
        for (String uri : rawUris) {
            assertRefused(caller, "GET", uri);
            assertRefused(caller, "HEAD", uri);
            assertRefused(caller, "PUT", uri);
        }
    }

    @Test
    void aTenantsReaderIsSignedForTheCanonicalKeyOfItsCompletedFile() throws IOException {
        FileId id = completedFile(ACME);
        GatewayGrant grant = get(reader, path(ACME, id));
        ObjectLocation file = new ObjectLocation("files", StorageKey.of(ACME, id));
        assertEquals(List.of(file), signedFor);
        assertEquals(List.of("GET"), signed);
        assertEquals("/files/" + file.objectKey(), grant.upstreamPath());
        assertEquals(
                "attachment; filename=\"cat.png\"; filename*=UTF-8''cat.png",
                grant.responseHeaders().get("Content-Disposition"));
        assertEquals("image/png", grant.responseHeaders().get("Content-Type"));
    }

    @Test
    void headIsSignedAsHeadAndNothingElse() throws IOException {
        FileId id = completedFile(ACME);
        authorizer.authorize(reader, "HEAD", path(ACME, id), OptionalLong.empty(), null);
        assertEquals(List.of("HEAD"), signed);
    }

    @Test
    void anotherTenantsOrgInThePathIsRefusedEvenForAFileThatExists() throws IOException {
        FileId id = completedFile(ACME);
        assertAllRefused(mallory, List.of(path(ACME, id)));
        assertAllRefused(globexAdmin, List.of(path(ACME, id)));
    }

    @Test
    void anotherTenantsFileIdUnderTheCallersOwnOrgNamesNoFile() throws IOException {
        FileId acmes = completedFile(ACME);
        assertAllRefused(mallory, List.of(path(GLOBEX, acmes)));
    }

    @Test
    void anAdminReachesAnotherTenantOnlyWhereTheDeploymentAllowsIt() throws IOException {
        FileId id = completedFile(ACME);
        assertRefused(globexAdmin, "GET", path(ACME, id));
        GatewayAuthorizer crossTenant = authorizer(tenancy, new AccessPolicy(true));
        crossTenant.authorize(globexAdmin, "GET", path(ACME, id), OptionalLong.empty(), null);
        assertEquals(List.of(new ObjectLocation("files", StorageKey.of(ACME, id))), signedFor);
        signed.clear();
        assertThrows(
                AccessDenied.class,
                () -> crossTenant.authorize(mallory, "GET", path(ACME, id), OptionalLong.empty(), null));
        assertEquals(List.of(), signed, "an uploader is not an admin");
    }

    @Test
    void withABucketPerTenantTheOtherTenantsBucketIsNeverSigned() throws IOException {
        TenancyStrategy perTenant = TenancyStrategy.of("bucket-per-tenant", null, "tenant-{org}");
        GatewayAuthorizer separate = authorizer(perTenant, new AccessPolicy(false));
        FileId id = completedFile(ACME, perTenant);
        assertThrows(
                AccessDenied.class,
                () -> separate.authorize(mallory, "GET", path(ACME, id), OptionalLong.empty(), null));
        assertThrows(
                AccessDenied.class,
                () -> separate.authorize(mallory, "GET", path(GLOBEX, id), OptionalLong.empty(), null));
        assertEquals(List.of(), signed);
        separate.authorize(alice, "GET", path(ACME, id), OptionalLong.empty(), null);
        assertEquals(List.of(new ObjectLocation("tenant-acme", StorageKey.of(ACME, id))), signedFor);
    }

    @Test
    void dotSegmentsAreRefusedInEverySpelling() throws IOException {
        FileId id = completedFile(ACME);
        FileId globex = completedFile(GLOBEX);
        assertAllRefused(
                alice,
                List.of(
                        "/files/acme/../globex/" + globex.value(),
                        "/files/globex/../acme/" + id.value(),
                        "/files/../files/acme/" + id.value(),
                        "/files/acme/./" + id.value(),
                        "/files/./acme/" + id.value(),
                        "/./files/acme/" + id.value(),
                        "/files/acme/" + id.value() + "/..",
                        "/files/acme/" + id.value() + "/.",
                        "/files/acme/..",
                        "/files/acme/.",
                        "/files/acme/" + id.value() + "/../" + id.value(),
                        "/files/acme/.." + id.value(),
                        "/files/acme/" + id.value() + ".."));
    }

    @Test
    void percentEscapesAreRefusedWhateverTheyEncode() throws IOException {
        FileId id = completedFile(ACME);
        String v = id.value();
        assertAllRefused(
                alice,
                List.of(
                        "/files/acme%2F" + v,
                        "/files/acme%2f" + v,
                        "/files%2Facme%2F" + v,
                        "/files/acme/%2E%2E/acme/" + v,
                        "/files/acme/%2e%2e%2facme%2f" + v,
                        "/files/acme/%252F" + v,
                        "/files/acme%252F" + v,
                        "/files/acme/%25252e%25252e/" + v,
                        "/files/%61cme/" + v, // an encoded unreserved letter: a normalising gateway would decode it
                        "/files/acme/" + v.replace("-", "%2D"),
                        "/files/acme/" + v + "%00",
                        "/files/acme/" + v + "%20",
                        "/files/acme%5C" + v,
                        "/files/acme/" + v + "%3Fx",
                        "/files/acme/" + v + "%",
                        "/files/acme/" + v + "%zz"));
    }

    @Test
    void backslashesAndControlCharactersAreRefused() throws IOException {
        FileId id = completedFile(ACME);
        String v = id.value();
        assertAllRefused(
                alice,
                List.of(
                        "/files/acme\\" + v,
                        "\\files\\acme\\" + v,
                        "/files/acme/..\\" + v,
                        "/files/acme/" + v + "\u0000",
                        "/files/acme/" + v + "\n",
                        "/files/acme/" + v + "\r\nX-Injected: 1",
                        "/files/acme\t/" + v,
                        "/files/acme/ " + v,
                        " /files/acme/" + v,
                        "/files/acme/" + v + " "));
    }

    @Test
    void semicolonParametersAreRefusedInAnySegment() throws IOException {
        FileId id = completedFile(ACME);
        String v = id.value();
        assertAllRefused(
                alice,
                List.of(
                        "/files;x=1/acme/" + v,
                        "/files/acme;x=1/" + v,
                        "/files/acme;/" + v,
                        "/files/acme/" + v + ";jsessionid=abc",
                        "/files/acme/" + v + ";",
                        "/files/globex;/../acme/" + v));
    }

    @Test
    void trailingSlashesAndEmptySegmentsAreRefused() throws IOException {
        FileId id = completedFile(ACME);
        String v = id.value();
        assertAllRefused(
                alice,
                List.of(
                        "/files/acme/" + v + "/",
                        "/files/acme/" + v + "//",
                        "/files//acme/" + v,
                        "//files/acme/" + v,
                        "/files/acme//" + v,
                        "/files/acme/",
                        "/files/acme",
                        "/files/",
                        "/files",
                        "/",
                        ""));
    }

    @Test
    void caseIsNeverFoldedIntoAnotherName() throws IOException {
        FileId id = completedFile(ACME);
        String v = id.value();
        assertAllRefused(
                alice,
                List.of(
                        "/FILES/acme/" + v,
                        "/Files/acme/" + v,
                        "/files/ACME/" + v,
                        "/files/Acme/" + v,
                        "/files/acme/" + v.toUpperCase(Locale.ROOT),
                        "/files/acme/" + v.replace(".png", ".PNG"),
                        "/files/ac\u0131me/" + v, // dotless i, which some case mappings fold to i
                        "/files/\uff41cme/" + v)); // fullwidth a
    }

    @Test
    void malformedAndOverlongOrgsAndIdsAreRefused() throws IOException {
        FileId id = completedFile(ACME);
        String v = id.value();
        String longOrg = "a".repeat(65);
        assertAllRefused(
                alice,
                List.of(
                        "/files/" + longOrg + "/" + v,
                        "/files/" + "a".repeat(10_000) + "/" + v,
                        "/files/acme/" + v + "0".repeat(10_000),
                        "/files/acme/" + v.replace(".png", ".abcdefghijk"),
                        "/files/acme/" + v.replace(".png", "") + "." + "p".repeat(60),
                        "/files/-acme/" + v,
                        "/files/acme-/" + v,
                        "/files/acme/" + v.replace(".png", ".p.ng"),
                        "/files/acme/" + v.replace(".png", "."),
                        "/files/acme/" + v.replace("2026-06", "2026-13"),
                        "/files/acme/" + v.substring(0, v.length() - 5),
                        "/files/acme/not-a-file-id",
                        "/files/acme/" + StorageKey.of(ACME, id).value()));
    }

    @Test
    void theQueryStringNeverBecomesPartOfTheKeyOrTheSignature() throws IOException {
        FileId id = completedFile(ACME);
        ObjectLocation file = new ObjectLocation("files", StorageKey.of(ACME, id));
        for (String query :
                List.of("?", "?x-id=PutObject", "?acl", "?uploads", "?../../globex/x", "?%2F..%2Fglobex", "?a=1?b=2")) {
            signed.clear();
            signedFor.clear();
            GatewayGrant grant = get(alice, path(ACME, id) + query);
            assertEquals(List.of(file), signedFor, query);
            assertEquals("/files/" + file.objectKey(), grant.upstreamPath(), query);
        }
        signed.clear();
        assertAllRefused(
                alice,
                List.of(
                        path(ACME, id) + "#fragment",
                        path(ACME, id) + "/?x=1",
                        "?" + path(ACME, id),
                        "/files/globex/?/../acme/" + id.value()));
    }

    @Test
    void onlyGetHeadAndPutAreServedWhoeverAsks() throws IOException {
        FileId id = completedFile(ACME);
        Caller admin = new Caller("ada", Optional.of(ACME), Set.of(Role.ADMIN));
        for (String method : List.of(
                "DELETE", "POST", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND", "get", "Get", "put", "")) {
            assertRefused(admin, method, path(ACME, id));
        }
        assertThrows(
                AccessDenied.class,
                () -> authorizer.authorize(admin, null, path(ACME, id), OptionalLong.empty(), null));
        assertEquals(List.of(), signed);
    }

    @Test
    void pathsOutsideTheGatewayPrefixAreRefused() throws IOException {
        FileId id = completedFile(ACME);
        String v = id.value();
        assertAllRefused(
                alice,
                List.of(
                        "/api/v1/orgs/acme/files/" + v,
                        "/api/v1/gateway/authz",
                        "/files-evil/acme/" + v,
                        "/xfiles/acme/" + v,
                        "/prefix/files/acme/" + v,
                        "files/acme/" + v,
                        "http://gateway/files/acme/" + v,
                        "//gateway/files/acme/" + v,
                        "/files/acme/" + v + "/extra",
                        "/files/acme/files/" + v,
                        "/incoming/orgs/acme/files/2026/06/" + v,
                        "/files/incoming/acme/" + v,
                        "*"));
        assertThrows(AccessDenied.class, () -> authorizer.authorize(alice, "GET", null, OptionalLong.empty(), null));
    }

    @Test
    void aFileNotYetCompletedIsNotServedThroughTheGateway() throws IOException {
        FileId id = reservedUpload(ACME);
        ObjectLocation file = new ObjectLocation("files", StorageKey.of(ACME, id));
        store.put(
                file.incomingArea(),
                NewObject.unvalidated("image/png", "alice", OptionalLong.of(PNG.length)),
                new ByteArrayInputStream(PNG));
        assertRefused(alice, "GET", path(ACME, id));
        // an unsealed copy a completion left behind when it was interrupted
        store.put(
                file,
                NewObject.unvalidated("image/png", "alice", OptionalLong.of(PNG.length)),
                new ByteArrayInputStream(PNG));
        assertRefused(alice, "GET", path(ACME, id));
        assertRefused(alice, "HEAD", path(ACME, id));
    }

    @Test
    void aPutIsSignedForTheIncomingAreaWithExactlyTheReservedTypeAndLength() {
        FileId id = reservedUpload(ACME);
        GatewayGrant grant = put(alice, path(ACME, id), PNG.length, "image/png");
        ObjectLocation incoming = new ObjectLocation("files", StorageKey.of(ACME, id)).incomingArea();
        assertEquals(List.of(incoming), signedFor);
        assertEquals(List.of("PUT Content-Length=8, Content-Type=image/png"), signedPut);
        assertEquals("/files/" + incoming.objectKey(), grant.upstreamPath());
        assertTrue(grant.responseHeaders().isEmpty());
    }

    @Test
    void aPutNeedsAnOpenReservationOfTheCallersOwnTenant() throws IOException {
        FileId reserved = reservedUpload(ACME);
        assertRefused(mallory, "PUT", path(ACME, reserved));
        assertRefused(mallory, "PUT", path(GLOBEX, reserved));
        assertRefused(reader, "PUT", path(ACME, reserved));
        assertRefused(alice, "PUT", path(ACME, completedFile(ACME)));
        assertRefused(alice, "PUT", path(ACME, keys.next(ACME, "png").fileId()));
        StorageKey key = StorageKey.of(ACME, reserved);
        PendingUpload entry = ledger.find("files", key).orElseThrow();
        ledger.record(entry.closedAt(NOW.minusSeconds(1)));
        assertRefused(alice, "PUT", path(ACME, reserved));
        ledger.record(new PendingUpload(
                "files", key, "cat.png", "image/png", PNG.length, null, "alice", NOW.minusSeconds(900), NOW));
        assertRefused(alice, "PUT", path(ACME, reserved)); // its URL expired just now
    }

    @Test
    void aPutOfAnotherLengthOrTypeThanReservedIsRefused() {
        FileId id = reservedUpload(ACME);
        String p = path(ACME, id);
        for (OptionalLong length : List.of(
                OptionalLong.empty(),
                OptionalLong.of(-1),
                OptionalLong.of(0),
                OptionalLong.of(PNG.length - 1),
                OptionalLong.of(PNG.length + 1))) {
            assertThrows(AccessDenied.class, () -> authorizer.authorize(alice, "PUT", p, length, "image/png"));
        }
        for (String type : new String[] {null, "", "image/gif", "IMAGE/PNG", "image/png; charset=x", "text/html"}) {
            assertThrows(
                    AccessDenied.class,
                    () -> authorizer.authorize(alice, "PUT", p, OptionalLong.of(PNG.length), type),
                    String.valueOf(type));
        }
        assertEquals(List.of(), signed);
    }

    @Test
    void theUrlHandedOutToClientsIsExactlyOneTheParserAccepts() throws IOException {
        FileId id = completedFile(ACME);
        for (String gateway : List.of("https://gw.example", "https://gw.example/", "https://gw.example:8443/")) {
            URI url = GatewayPath.url(URI.create(gateway), ACME, id);
            assertEquals(path(ACME, id), url.getRawPath(), gateway);
            get(alice, url.getRawPath());
        }
        assertFalse(signed.isEmpty());
    }

    private final List<String> signedPut = new ArrayList<>();

    /** Records what it was asked to sign. */
    private final class RecordingSigner implements AccessSigner {
        @Override
        public SignedRequest signUpload(
                ObjectLocation location,
                String contentType,
                long contentLength,
                Optional<byte[]> sha256,
                Duration ttl,
                Audience audience) {
            throw new AssertionError("the gateway never signs URLs");
        }

        @Override
        public GatewaySignature signForGateway(ObjectLocation location, String method, Map<String, String> headers) {
            signed.add(method);
            signedFor.add(location);
            if (method.equals("PUT")) {
                signedPut.add("PUT Content-Length=" + headers.get("Content-Length") + ", Content-Type="
                        + headers.get("Content-Type"));
            }
            return new GatewaySignature("/" + location.bucket() + "/" + location.objectKey(), Map.of("X-Sig", "s"));
        }

        @Override
        public SignedRequest signDownload(
                ObjectLocation location, String filename, String contentType, Duration ttl, Audience audience) {
            throw new AssertionError("the gateway never signs URLs");
        }

        @Override
        public SignedRequest signPart(
                ObjectLocation location, String uploadId, int partNumber, Duration ttl, Audience audience) {
            throw new AssertionError("the gateway never signs URLs");
        }

        @Override
        public PostPolicy signPostPolicy(
                ObjectLocation location,
                String contentType,
                long minSize,
                long maxSize,
                Duration ttl,
                Audience audience) {
            throw new AssertionError("the gateway never signs URLs");
        }
    }
}
