package dev.filegate.domain.upload;

import dev.filegate.domain.file.FileId;
import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.file.StorageKeyGenerator;
import dev.filegate.domain.policy.MediaType;
import dev.filegate.domain.policy.MultipartPolicy;
import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.policy.UploadPolicy;
import dev.filegate.domain.policy.ValidatedUpload;
import dev.filegate.domain.storage.AccessSigner;
import dev.filegate.domain.storage.MultipartUploads;
import dev.filegate.domain.storage.MultipartUploads.UploadedPart;
import dev.filegate.domain.storage.NewObject;
import dev.filegate.domain.storage.ObjectChanged;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.ObjectStore;
import dev.filegate.domain.storage.PendingUpload;
import dev.filegate.domain.storage.PendingUploads;
import dev.filegate.domain.storage.SignedRequest;
import dev.filegate.domain.storage.StoreAdministration;
import dev.filegate.domain.storage.StoredObject;
import dev.filegate.domain.tenant.AccessPolicy;
import dev.filegate.domain.tenant.Action;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.tenant.TenancyStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Resumable uploads in parts straight to the store (the protocol Uppy's AWS S3 plugin speaks), with the tenancy and
 * limits a bare signer lacks. The service starts the store's multipart upload at the file's own location (only the
 * service completes it, so no client ever writes that object), signs one part at a time, and on completion checks the
 * parts against the size limit and the assembled bytes against the declared type before sealing them as a file.
 *
 * <p>A client names its upload by the file id and an opaque handle of 128 random bits; the store's upload id never
 * leaves the service, and the ledger keeps only the handle's SHA-256. Every call must come from the user who started
 * the upload, in its org: anything else is {@link FileNotFound}, whether or not the upload exists. State lives in the
 * ledger in the store, so any replica serves any call.
 */
public final class ResumableUploads {

    private final StoreAdministration administration;
    private final MultipartUploads multipart;
    private final ObjectStore store;
    private final AccessSigner signer;
    private final UploadLedger ledger;
    private final CompletedFiles files;
    private final TenancyStrategy tenancy;
    private final UploadPolicy policy;
    private final MultipartPolicy parts;
    private final AccessPolicy access;
    private final StorageKeyGenerator keys;
    /** How many parts beyond the bytes uploaded a client may hold URLs for (Uppy keeps 6 in flight). */
    static final int LOOKAHEAD = 32;

    private final MultipartHandles handles = new MultipartHandles();
    private final Object[] completing = new Object[64];
    private final boolean requireSha256;

    public ResumableUploads(
            StoreAdministration administration,
            MultipartUploads multipart,
            ObjectStore store,
            AccessSigner signer,
            PendingUploads pending,
            TenancyStrategy tenancy,
            UploadPolicy policy,
            MultipartPolicy parts,
            AccessPolicy access,
            StorageKeyGenerator keys,
            boolean requireSha256) {
        this.requireSha256 = requireSha256;
        this.administration = Objects.requireNonNull(administration, "administration");
        this.multipart = Objects.requireNonNull(multipart, "multipart");
        this.store = Objects.requireNonNull(store, "store");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.tenancy = Objects.requireNonNull(tenancy, "tenancy");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.parts = Objects.requireNonNull(parts, "parts");
        this.access = Objects.requireNonNull(access, "access");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.ledger = new UploadLedger(Objects.requireNonNull(pending, "pending"), keys.clock());
        this.files = new CompletedFiles(store, tenancy);
        for (int i = 0; i < completing.length; i++) {
            completing[i] = new Object();
        }
    }

    /** A started upload: the file id (the protocol's {@code key}), the handle (its {@code uploadId}), the bucket. */
    public record Started(FileId fileId, String handle, String bucket) {
        @Override
        public String toString() {
            return "Started[" + fileId + ", <handle>, " + bucket + "]";
        }
    }

    /** A part as the client reports it on completion. */
    public record ClaimedPart(int number, String etag) {}

    /** Validates a proposed upload (its size is not known yet) and starts its multipart upload in the store. */
    public Started start(Caller caller, OrgId org, UploadRequest request) {
        access.check(caller, org, Action.UPLOAD);
        if (requireSha256) {
            // The deployment's store honours headers nobody signed: a part PUT can be made a copy of another object
            // (UploadPartCopy), and parts cannot bind a SHA-256 that would give it away (SECURITY.md).
            throw new PolicyViolation(
                    PolicyViolation.Kind.INVALID_REQUEST,
                    "this deployment needs the file's sha256 with every direct upload, which parts cannot bind: use"
                            + " presign with sha256");
        }
        ValidatedUpload upload = policy.check(request.filename(), request.contentType(), request.declaredSize());
        StorageKey key = keys.next(org, upload.keyExtension());
        ObjectLocation location = new ObjectLocation(tenancy.bucketFor(org), key);
        administration.prepare(location.bucket());
        String type = upload.contentType().toString();
        String handle = handles.next();
        String uploadId =
                multipart.start(location, NewObject.unvalidated(type, caller.subject(), OptionalLong.empty()));
        Instant now = keys.clock().instant();
        try {
            ledger.record(new PendingUpload(
                    location.bucket(),
                    key,
                    upload.fileName().value(),
                    type,
                    upload.maxBytes(),
                    null,
                    caller.subject(),
                    now,
                    now.plus(parts.maxIdle()),
                    null,
                    PendingUpload.Transfer.MULTIPART,
                    uploadId,
                    MultipartHandles.digest(handle)));
        } catch (RuntimeException e) {
            multipart.abort(location, uploadId);
            throw e;
        }
        return new Started(key.fileId(), handle, location.bucket());
    }

    /**
     * Signs a PUT of each part named, in that order. A part URL binds no length (a client does not say a part's size
     * before sending it), so what the store may hold is bounded here, on every signature: refused and the upload
     * aborted beyond the part count the size limit allows (every part but the last is at least {@link
     * MultipartUploads#MIN_PART_SIZE}) and once the parts already uploaded exceed the limit; refused more than
     * {@value #LOOKAHEAD} parts beyond the highest part uploaded, so that a client holds few unused URLs at a time.
     * An upload the store no longer holds (aborted, completed) gets no URL.
     */
    public List<SignedRequest> signParts(
            Caller caller,
            OrgId org,
            String handle,
            String fileId,
            List<Integer> partNumbers,
            AccessSigner.Audience audience) {
        SignedFor.check(caller, audience);
        PendingUpload p = open(caller, org, handle, fileId);
        for (int n : partNumbers) {
            if (n < 1 || n > MultipartUploads.MAX_PARTS) {
                throw new PolicyViolation(
                        PolicyViolation.Kind.INVALID_REQUEST,
                        "part numbers are 1 to " + MultipartUploads.MAX_PARTS + ", not " + n);
            }
        }
        ObjectLocation location = location(p);
        int highest = partNumbers.stream().mapToInt(Integer::intValue).max().orElse(0);
        if (highest > maxParts(p.size())) {
            throw abortTooLarge(p, location);
        }
        List<UploadedPart> held = uploaded(p, location);
        if (held.stream().mapToLong(UploadedPart::size).sum() > p.size()) {
            throw abortTooLarge(p, location);
        }
        // Ahead of the bytes held, not of part numbers: tiny parts do not earn more URLs (every part but the last is
        // at least MIN_PART_SIZE, so an honest client holding k parts holds at least k of them).
        long earned = held.stream().mapToLong(UploadedPart::size).sum() / MultipartUploads.MIN_PART_SIZE;
        if (highest > earned + LOOKAHEAD) {
            throw new PolicyViolation(
                    PolicyViolation.Kind.INVALID_REQUEST,
                    "parts are signed at most " + LOOKAHEAD + " ahead of the parts uploaded (" + earned
                            + " parts' worth); upload those first");
        }
        PendingUpload live = keepAlive(p, false);
        Duration left = Duration.between(keys.clock().instant(), live.expiresAt());
        Duration ttl = left.compareTo(parts.partUrl()) < 0 ? left : parts.partUrl();
        return partNumbers.stream()
                .map(n -> signer.signPart(location, live.multipartId(), n, ttl, audience))
                .toList();
    }

    /** Signs a PUT of one part (see {@link #signParts}). */
    public SignedRequest signPart(
            Caller caller, OrgId org, String handle, String fileId, int partNumber, AccessSigner.Audience audience) {
        return signParts(caller, org, handle, fileId, List.of(partNumber), audience)
                .get(0);
    }

    /** The parts the store holds for this upload, so that a client can resume it. */
    public List<UploadedPart> parts(Caller caller, OrgId org, String handle, String fileId) {
        PendingUpload p = open(caller, org, handle, fileId);
        return uploaded(p, location(p));
    }

    /**
     * Completes the upload from the parts the client names, each as the store holds it; checks the assembled bytes
     * like any direct upload and seals them as a file. Completing again after success answers the same file.
     */
    public StoredFile complete(Caller caller, OrgId org, String handle, String fileId, List<ClaimedPart> claimed) {
        PendingUpload p = resolve(caller, org, handle, fileId);
        ObjectLocation location = location(p);
        synchronized (completing[Math.floorMod(location.key().hashCode(), completing.length)]) {
            PendingUpload current = ledger.find(location).orElseThrow(ResumableUploads::unknown);
            if (current.closed()) {
                return files.find(location).map(o -> StoredFile.of(org, o)).orElseThrow(ResumableUploads::unknown);
            }
            requireLive(current);
            // Completing is the upload's last activity: a whole idle period from now, so that the housekeeping job
            // never aborts or deletes under a completion (joining and sealing a large file takes minutes).
            current = keepAlive(current, true);
            List<UploadedPart> chosen = ClaimedParts.match(claimed, uploaded(current, location));
            long total = chosen.stream().mapToLong(UploadedPart::size).sum();
            if (total > current.size()) {
                throw abortTooLarge(current, location);
            }
            StoredObject assembled;
            try {
                assembled = multipart.complete(location, current.multipartId(), chosen);
            } catch (MultipartUploads.MultipartRefused e) {
                throw new PolicyViolation(PolicyViolation.Kind.INVALID_REQUEST, e.getMessage());
            }
            // Checked and sealed is the assembled object, named by its entity tag: if anything else is at the
            // location by then (another instance sealed it first, or a store completed the upload again from other
            // parts), nothing unchecked is sealed.
            try {
                MediaType declared = MediaType.parse(current.contentType());
                ArrivedContent.checkDescription(assembled, declared);
                if (assembled.size() != total) {
                    throw new PolicyViolation(
                            PolicyViolation.Kind.INVALID_REQUEST, "the assembled size differs from the parts' sum");
                }
                ArrivedContent.checkBytes(store, location, assembled.etag(), declared, total, null);
            } catch (PolicyViolation e) {
                store.delete(location);
                ledger.close(current);
                throw e;
            } catch (ObjectChanged e) {
                return completedMeanwhile(org, location).orElseThrow(UploadChanged::new);
            }
            StoredObject sealed;
            try {
                sealed = files.seal(location, location, current, total, assembled.etag());
            } catch (ObjectChanged e) {
                return completedMeanwhile(org, location).orElseThrow(UploadChanged::new);
            }
            if (sealed.size() != total) {
                // A store that ignored the condition sealed whatever was there. Every completion of this upload
                // assembles the same parts, so another size is bytes nobody checked: not left served. (The entity
                // tag cannot tell: S3 gives the sealed copy of a multipart object a new one.)
                store.delete(location);
                return completedMeanwhile(org, location).orElseThrow(UploadChanged::new);
            }
            ledger.close(current);
            return StoredFile.of(org, sealed);
        }
    }

    /**
     * The file, when the ledger says another completion (another instance) completed this upload meanwhile; the
     * entry stays open otherwise, and the housekeeping job removes what is left once it expires.
     */
    private Optional<StoredFile> completedMeanwhile(OrgId org, ObjectLocation location) {
        return ledger.find(location)
                .filter(PendingUpload::closed)
                .flatMap(p -> files.find(location).map(o -> StoredFile.of(org, o)));
    }

    /** Aborts the upload: the store discards its parts. Aborting an upload already ended changes nothing. */
    public void abort(Caller caller, OrgId org, String handle, String fileId) {
        PendingUpload p = resolve(caller, org, handle, fileId);
        ObjectLocation location = location(p);
        synchronized (completing[Math.floorMod(location.key().hashCode(), completing.length)]) {
            PendingUpload current = ledger.find(location).orElse(p);
            if (!current.closed()) {
                multipart.abort(location, current.multipartId());
                ledger.close(current);
            }
        }
    }

    /**
     * An upload that is still moving stays alive: once less than half of {@code upload.multipart.max-idle} is left,
     * signing a part moves its expiry to a whole idle period from now (one ledger write per half period at most);
     * completing always does.
     */
    private PendingUpload keepAlive(PendingUpload p, boolean always) {
        Instant now = keys.clock().instant();
        if (!always
                && Duration.between(now, p.expiresAt())
                                .compareTo(parts.maxIdle().dividedBy(2))
                        >= 0) {
            return p;
        }
        PendingUpload extended = p.expiringAt(now.plus(parts.maxIdle()));
        ledger.record(extended);
        return extended;
    }

    /**
     * The most parts an upload of at most {@code max} bytes can have: every part but the last holds at least
     * {@link MultipartUploads#MIN_PART_SIZE} bytes.
     */
    static int maxParts(long max) {
        long n = max <= 0 ? 1 : (max - 1) / MultipartUploads.MIN_PART_SIZE + 1;
        return (int) Math.min(n, MultipartUploads.MAX_PARTS);
    }

    private List<UploadedPart> uploaded(PendingUpload p, ObjectLocation location) {
        return multipart.parts(location, p.multipartId()).orElseThrow(ResumableUploads::unknown);
    }

    private PolicyViolation abortTooLarge(PendingUpload p, ObjectLocation location) {
        multipart.abort(location, p.multipartId());
        ledger.close(p);
        return UploadPolicy.tooLarge(MediaType.parse(p.contentType()), p.size());
    }

    /** The caller's multipart upload named by {@code handle} and {@code fileId}, still open and not expired. */
    private PendingUpload open(Caller caller, OrgId org, String handle, String fileId) {
        PendingUpload p = resolve(caller, org, handle, fileId);
        if (p.closed()) {
            throw unknown();
        }
        requireLive(p);
        return p;
    }

    private void requireLive(PendingUpload p) {
        if (!p.expiresAt().isAfter(keys.clock().instant())) {
            throw new FileNotFound(
                    "this upload went unused for longer than the deployment allows and is being aborted");
        }
    }

    /** The caller's multipart upload named by {@code handle} and {@code fileId}, open or ended. */
    private PendingUpload resolve(Caller caller, OrgId org, String handle, String fileId) {
        access.check(caller, org, Action.UPLOAD);
        ObjectLocation location = files.locate(org, fileId).orElseThrow(ResumableUploads::unknown);
        return ledger.find(location)
                .filter(p -> p.transfer() == PendingUpload.Transfer.MULTIPART)
                .filter(p -> p.uploadedBy().equals(caller.subject()))
                .filter(p -> MultipartHandles.matches(handle, p.handleSha256()))
                .orElseThrow(ResumableUploads::unknown);
    }

    private static ObjectLocation location(PendingUpload p) {
        return new ObjectLocation(p.bucket(), p.key());
    }

    private static FileNotFound unknown() {
        return new FileNotFound("no such upload of yours in this org");
    }
}
