package dev.filegate.domain.upload;

import dev.filegate.domain.policy.MediaType;
import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.storage.NewObject;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.ObjectStore;
import dev.filegate.domain.storage.PendingUpload;
import dev.filegate.domain.storage.PendingUploads;
import dev.filegate.domain.storage.StoredObject;
import dev.filegate.domain.tenant.AccessPolicy;
import dev.filegate.domain.tenant.Action;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.tenant.TenancyStrategy;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Completes a direct upload: checks what arrived in the incoming area against what was reserved (size, type, the
 * leading bytes against the type's signature, the SHA-256 when one was declared) and makes it a file.
 *
 * <p>What arrived is first copied into the files area without a filename, where no client writes; that copy is what
 * is checked and then sealed with its filename ({@link CompletedFiles#seal}), so bytes a client PUTs again during or
 * after the check (its URL stays valid until it expires) never become a served file, and metadata a lenient store
 * let the client add (a filename, an ACL) is not carried over. A mismatch is deleted from both areas. Either way
 * the incoming bytes are deleted and the ledger entry is closed. Completing twice is harmless.
 */
public final class UploadCompletion {

    private final ObjectStore store;
    private final CompletedFiles files;
    private final UploadLedger ledger;
    private final AccessPolicy access;
    private final Object[] completing = new Object[64];

    public UploadCompletion(
            ObjectStore store, PendingUploads pending, TenancyStrategy tenancy, AccessPolicy access, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.files = new CompletedFiles(store, tenancy);
        this.ledger = new UploadLedger(Objects.requireNonNull(pending, "pending"), clock);
        this.access = Objects.requireNonNull(access, "access");
        Arrays.setAll(completing, i -> new Object());
    }

    public StoredFile complete(Caller caller, OrgId org, String fileId) {
        access.check(caller, org, Action.UPLOAD);
        ObjectLocation location = files.locate(org, fileId).orElseThrow(UploadCompletion::unknown);
        // One completion of a file at a time in this process: a second one must not copy newer incoming bytes over
        // the copy the first is validating, just before the first seals it.
        synchronized (completing[Math.floorMod(location.key().hashCode(), completing.length)]) {
            return completeLocked(org, location);
        }
    }

    private StoredFile completeLocked(OrgId org, ObjectLocation location) {
        // A multipart upload is completed by its own route, by its starter: here it is as unknown as a missing one.
        Optional<PendingUpload> promised =
                ledger.find(location).filter(p -> p.transfer() != PendingUpload.Transfer.MULTIPART);
        if (promised.isEmpty() || promised.get().closed()) {
            return files.find(location)
                    .map(o -> StoredFile.of(org, o)
                            .withSha256(promised.map(PendingUpload::sha256Hex).orElse(null)))
                    .orElseThrow(UploadCompletion::unknown);
        }
        PendingUpload p = promised.get();
        ObjectLocation incoming = location.incomingArea();
        StoredObject arrived = store.head(incoming).orElseThrow(ArrivedContent::notUploaded);
        long size;
        StoredObject copy;
        try {
            MediaType declared = MediaType.parse(p.contentType());
            ArrivedContent.checkDescription(arrived, declared);
            if (arrived.uploadedBy() != null) {
                throw ArrivedContent.foreignMetadata(); // (nothing signed for the incoming area writes an uploader)
            }
            // Exactly the object described above is copied, and exactly the copy is checked and sealed.
            copy = store.copy(
                    incoming,
                    location,
                    NewObject.unvalidated(p.contentType(), p.uploadedBy(), OptionalLong.empty()),
                    arrived.etag());
            size = copy.size();
            boolean fits = p.transfer() == PendingUpload.Transfer.PUT
                    ? size == p.size()
                    : size >= 1 && size <= p.size(); // a form POST: the store enforced the policy's range
            if (!fits) {
                // (never the sizes: a client must not learn the size of an object it made the store copy)
                throw new PolicyViolation(
                        PolicyViolation.Kind.INVALID_REQUEST, "the uploaded size differs from the declared one");
            }
            ArrivedContent.checkBytes(store, location, copy.etag(), declared, size, p.sha256Hex());
        } catch (PolicyViolation e) {
            store.delete(location);
            store.delete(incoming);
            ledger.close(p); // kept, so that bytes PUT again are swept too
            throw e;
        }
        StoredObject sealed = files.seal(location, p, size, copy.etag());
        store.delete(incoming);
        ledger.close(p);
        return StoredFile.of(org, sealed).withSha256(p.sha256Hex());
    }

    private static FileNotFound unknown() {
        return new FileNotFound("no upload with this id is pending in this org");
    }
}
