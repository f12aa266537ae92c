package dev.filegate.domain.upload;

import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.file.StorageKeyGenerator;
import dev.filegate.domain.gateway.GatewayAuthorizer;
import dev.filegate.domain.policy.FileSignatures;
import dev.filegate.domain.policy.MediaType;
import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.policy.UploadPolicy;
import dev.filegate.domain.policy.ValidatedUpload;
import dev.filegate.domain.storage.AccessSigner;
import dev.filegate.domain.storage.ByteRange;
import dev.filegate.domain.storage.NewObject;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.ObjectRead;
import dev.filegate.domain.storage.ObjectStore;
import dev.filegate.domain.storage.PendingUpload;
import dev.filegate.domain.storage.PendingUploads;
import dev.filegate.domain.storage.ReadConditions;
import dev.filegate.domain.storage.SignedRequest;
import dev.filegate.domain.storage.StoreAdministration;
import dev.filegate.domain.storage.StoredObject;
import dev.filegate.domain.tenant.AccessDenied;
import dev.filegate.domain.tenant.AccessPolicy;
import dev.filegate.domain.tenant.Action;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.tenant.Role;
import dev.filegate.domain.tenant.TenancyStrategy;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Presigned transfers: the service validates and signs, the client moves the bytes straight to the store.
 * Everything the store can enforce is bound into the signature (type, exact length, SHA-256 when declared); what it
 * cannot (the content matching its type) is checked when the client completes the upload.
 *
 * <p>Clients write only to the incoming area ({@link ObjectLocation#incomingArea()}); the API serves only the files
 * area, which only the service writes. Completing copies what arrived into the files area first and validates that
 * copy, so bytes a client PUTs again during or after validation (its URL stays valid until it expires) never become
 * a served file, and metadata a lenient store let the client add (a filename, an ACL) is not carried over.
 */
public final class PresignedTransfers {

    private final ObjectStore store;
    private final StoreAdministration administration;
    private final AccessSigner signer;
    private final PendingUploads pending;
    private final TenancyStrategy tenancy;
    private final UploadPolicy policy;
    private final AccessPolicy access;
    private final StorageKeyGenerator keys;
    private final Object[] completing = new Object[64];
    private final boolean requireSha256;

    /**
     * @param requireSha256 whether every presigned upload must declare its SHA-256 (which completion then checks
     *        over the bytes): the only defence against a client copying another object into its upload on a store
     *        that honours headers nobody signed (see SECURITY.md)
     * @param administration sets up each bucket for direct client transfers before anything is signed for it
     */
    public PresignedTransfers(
            ObjectStore store,
            StoreAdministration administration,
            AccessSigner signer,
            PendingUploads pending,
            TenancyStrategy tenancy,
            UploadPolicy policy,
            AccessPolicy access,
            StorageKeyGenerator keys,
            boolean requireSha256) {
        this.store = Objects.requireNonNull(store, "store");
        this.administration = Objects.requireNonNull(administration, "administration");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.pending = Objects.requireNonNull(pending, "pending");
        this.tenancy = Objects.requireNonNull(tenancy, "tenancy");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.access = Objects.requireNonNull(access, "access");
        this.keys = Objects.requireNonNull(keys, "keys");
        Arrays.setAll(completing, i -> new Object());
        this.requireSha256 = requireSha256;
    }

    /**
     * Validates a proposed upload and signs a PUT for it. Nothing is signed for a request the policy refuses.
     *
     * @param sha256 the file's SHA-256 as hex or base64, if the client knows it
     */
    public PresignedUpload presign(
            Caller caller, OrgId org, UploadRequest request, Optional<String> sha256, AccessSigner.Audience audience) {
        if (audience == AccessSigner.Audience.INTERNAL && !caller.has(Role.SERVICE)) {
            throw new AccessDenied("URLs for the internal endpoint are for service callers (role service)");
        }
        if (requireSha256 && sha256.isEmpty()) {
            throw new PolicyViolation(
                    PolicyViolation.Kind.INVALID_REQUEST,
                    "this deployment needs the file's sha256 with every presigned upload");
        }
        Reservation r = reserve(caller, org, request, sha256);
        ObjectLocation incoming = r.location().incomingArea();
        SignedRequest put = signer.signUpload(
                incoming, r.type(), r.size(), r.digest(), policy.expiries().uploadUrl(), audience);
        // Seed 001's client uses get_url right after its PUT, without completing: it serves the bytes as uploaded
        // (as an attachment of the declared type) until the upload is completed or swept, never through the API.
        SignedRequest get = signer.signDownload(
                incoming, r.filename(), r.type(), policy.expiries().downloadUrl(), audience);
        record(caller, r, put.expiresAt());
        return new PresignedUpload(r.location().key().fileId(), put, get);
    }

    /**
     * Reserves a key for an upload through a gateway: the client PUTs to the gateway with its bearer token, the
     * gateway asks {@link GatewayAuthorizer} for the store signature. Nothing is signed here.
     */
    public PresignedUpload reserveForGateway(Caller caller, OrgId org, UploadRequest request, URI gateway) {
        Reservation r = reserve(caller, org, request, Optional.empty());
        java.time.Instant expires =
                keys.clock().instant().plus(policy.expiries().uploadUrl());
        URI url = GatewayAuthorizer.fileUrl(gateway, org, r.location().key().fileId());
        SignedRequest put = new SignedRequest(
                "PUT",
                url,
                java.util.Map.of("Content-Type", r.type(), "Content-Length", Long.toString(r.size())),
                expires);
        SignedRequest get = new SignedRequest("GET", url, java.util.Map.of(), expires);
        record(caller, r, expires);
        return new PresignedUpload(r.location().key().fileId(), put, get);
    }

    /** A validated upload with its freshly generated location. */
    private record Reservation(
            ObjectLocation location, String filename, String type, long size, Optional<byte[]> digest) {}

    private Reservation reserve(Caller caller, OrgId org, UploadRequest request, Optional<String> sha256) {
        access.check(caller, org, Action.UPLOAD);
        if (request.declaredSize().isEmpty()) {
            throw new PolicyViolation(PolicyViolation.Kind.INVALID_REQUEST, "a direct upload needs the file's size");
        }
        ValidatedUpload upload = policy.check(request.filename(), request.contentType(), request.declaredSize());
        Optional<byte[]> digest = sha256.map(PresignedTransfers::decodeSha256);
        StorageKey key = keys.next(org, upload.keyExtension());
        ObjectLocation location = new ObjectLocation(tenancy.bucketFor(org), key);
        administration.prepare(location.bucket());
        return new Reservation(
                location,
                upload.fileName().value(),
                upload.contentType().toString(),
                request.declaredSize().getAsLong(),
                digest);
    }

    private void record(Caller caller, Reservation r, java.time.Instant expires) {
        pending.record(new PendingUpload(
                r.location().bucket(),
                r.location().key(),
                r.filename(),
                r.type(),
                r.size(),
                r.digest().map(d -> HexFormat.of().formatHex(d)).orElse(null),
                caller.subject(),
                keys.clock().instant(),
                expires));
    }

    /**
     * Checks what arrived against what was signed: size, type, and the leading bytes against the type's signature.
     * What arrived is first copied where only the service writes, and that copy is what is checked and, once sealed
     * with its filename, served. A mismatch is deleted. Completing twice is harmless.
     */
    public StoredFile complete(Caller caller, OrgId org, String fileId) {
        access.check(caller, org, Action.UPLOAD);
        ObjectLocation location = locate(org, fileId).orElseThrow(PresignedTransfers::unknown);
        // One completion of a file at a time in this process: a second one must not copy newer incoming bytes over
        // the copy the first is validating, just before the first seals it.
        synchronized (completing[Math.floorMod(location.key().hashCode(), completing.length)]) {
            return completeLocked(org, location);
        }
    }

    private StoredFile completeLocked(OrgId org, ObjectLocation location) {
        Optional<PendingUpload> promised = pending.find(location.bucket(), location.key());
        if (promised.isEmpty() || promised.get().closed()) {
            return store.head(location)
                    .filter(FileService::complete)
                    .map(o -> withSha256(
                            FileService.view(org, o),
                            promised.map(PendingUpload::sha256Hex).orElse(null)))
                    .orElseThrow(PresignedTransfers::unknown);
        }
        PendingUpload p = promised.get();
        ObjectLocation incoming = location.incomingArea();
        StoredObject arrived = store.head(incoming)
                .orElseThrow(() ->
                        new PolicyViolation(PolicyViolation.Kind.NOT_UPLOADED, "the file has not been uploaded yet"));
        OptionalLong size = OptionalLong.of(p.size());
        try {
            MediaType declared = MediaType.parse(p.contentType());
            if (arrived.contentType() == null
                    || !MediaType.parse(arrived.contentType()).equals(declared)) {
                throw new PolicyViolation(
                        PolicyViolation.Kind.TYPE_MISMATCH, "the uploaded content type differs from the declared one");
            }
            if (arrived.filename() != null || arrived.uploadedBy() != null) {
                // Nothing the service signs writes metadata: this object was written with headers nobody signed, or
                // copied from one of the service's files by a store that honours such headers (x-amz-copy-source).
                throw new PolicyViolation(
                        PolicyViolation.Kind.INVALID_REQUEST,
                        "the upload carries metadata the service did not sign; send exactly the signed headers");
            }
            StoredObject copy =
                    store.copy(incoming, location, NewObject.unvalidated(p.contentType(), p.uploadedBy(), size));
            if (copy.size() != p.size()) {
                // (never the sizes: a client must not learn the size of an object it made the store copy)
                throw new PolicyViolation(
                        PolicyViolation.Kind.INVALID_REQUEST, "the uploaded size differs from the declared one");
            }
            checkContent(location, declared, p);
        } catch (PolicyViolation e) {
            store.delete(location);
            store.delete(incoming);
            pending.record(p.closedAt(keys.clock().instant())); // kept, so that bytes PUT again are swept too
            throw e;
        }
        StoredObject sealed =
                store.copy(location, location, new NewObject(p.contentType(), p.filename(), p.uploadedBy(), size));
        store.delete(incoming);
        pending.record(p.closedAt(keys.clock().instant()));
        return withSha256(FileService.view(org, sealed), p.sha256Hex());
    }

    private static StoredFile withSha256(StoredFile f, String sha256Hex) {
        return new StoredFile(
                f.org(),
                f.id(),
                f.filename(),
                f.contentType(),
                f.size(),
                sha256Hex,
                f.etag(),
                f.createdAt(),
                f.uploadedBy(),
                f.state());
    }

    /** A short-lived GET of a completed file, for redirect downloads. */
    public Optional<SignedRequest> redirect(Caller caller, OrgId org, String fileId) {
        access.check(caller, org, Action.READ);
        return locate(org, fileId)
                .flatMap(l -> store.head(l)
                        .filter(FileService::complete)
                        .map(o -> signer.signDownload(
                                l,
                                o.filename(),
                                o.contentType() == null ? MediaType.OCTET_STREAM.toString() : o.contentType(),
                                policy.expiries().redirect(),
                                AccessSigner.Audience.PUBLIC)));
    }

    /**
     * Checks the copy (which no client can change) against the declaration, in one read: its leading bytes against
     * its type and, when one was declared, its SHA-256 over every byte. The store enforces a bound checksum on a PUT,
     * not on a copy it lets a PUT URL make, so a declared one is checked here.
     */
    private void checkContent(ObjectLocation location, MediaType declared, PendingUpload p) {
        boolean hashed = p.sha256Hex() != null;
        if (p.size() == 0 && !hashed) {
            FileSignatures.check(declared, new byte[0]);
            return;
        }
        Optional<ByteRange> range = hashed
                ? Optional.empty()
                : Optional.of(new ByteRange(0L, Math.min(p.size(), FileSignatures.HEAD_BYTES) - 1));
        ObjectRead read = store.get(location, new ReadConditions(range, Optional.empty()));
        if (!(read instanceof ObjectRead.Content content)) {
            throw new PolicyViolation(PolicyViolation.Kind.NOT_UPLOADED, "the file has not been uploaded yet");
        }
        try (SizeLimitedInputStream in = new SizeLimitedInputStream(content.body(), p.size())) {
            FileSignatures.check(declared, in.readNBytes(FileSignatures.HEAD_BYTES));
            if (hashed) {
                in.transferTo(OutputStream.nullOutputStream());
                if (!p.sha256Hex().equals(in.sha256Hex())) {
                    throw new PolicyViolation(
                            PolicyViolation.Kind.INVALID_REQUEST, "the uploaded bytes differ from the declared sha256");
                }
            }
        } catch (IOException e) {
            throw new dev.filegate.domain.storage.StoreUnavailable("reading the uploaded file failed", e);
        }
    }

    private Optional<ObjectLocation> locate(OrgId org, String fileId) {
        return FileService.locate(tenancy, org, fileId);
    }

    private static PolicyViolation unknown() {
        return new PolicyViolation(PolicyViolation.Kind.NOT_FOUND, "no upload with this id is pending in this org");
    }

    static byte[] decodeSha256(String text) {
        String t = text.strip();
        byte[] bytes;
        try {
            bytes = t.matches("[0-9a-fA-F]{64}")
                    ? HexFormat.of().parseHex(t)
                    : Base64.getDecoder().decode(t);
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new PolicyViolation(
                    PolicyViolation.Kind.INVALID_REQUEST, "sha256 must be 64 hex digits or 44 base64 characters");
        }
        return bytes;
    }
}
