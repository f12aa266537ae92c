package dev.filegate.domain.upload;

import dev.filegate.domain.policy.MediaType;
import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.storage.NewObject;
import dev.filegate.domain.storage.ObjectChanged;
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
import java.util.UUID;

/**
 * Completes a direct upload: checks what arrived in the incoming area against what was reserved (size, type, the
 * leading bytes against the type's signature, the SHA-256 when one was declared) and makes it a file.
 *
 * <p>What arrived is first copied, exactly the version whose description was checked, to a check copy of this
 * attempt's own ({@link ObjectLocation#checkCopy}): an object no client can write (no signature names it) and no
 * other completion writes (each attempt names its own). That copy is what is checked and then sealed, with its
 * filename, into the files area ({@link CompletedFiles#seal}, conditional on the entity tag checked). So nothing but
 * checked bytes is ever written at a file's location, whoever else is completing the same upload at the same moment
 * on another instance of the service, and whatever the client PUTs again during or after the check (its URL stays
 * valid until it expires); metadata a lenient store let the client add (a filename, an ACL) is not carried over.
 * Two completions at once each seal bytes they checked, the last one's stay. A mismatch is deleted (the check copy
 * and the incoming bytes); the ledger entry is closed. Bytes that changed before they were copied answer {@link
 * UploadChanged} and leave the upload pending, so that completing again checks them. Completing twice is harmless.
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
        // One completion of a file at a time in this process saves a second one the copies and reads; across
        // instances, completions do not wait for each other and need not (see the class comment).
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
        Optional<StoredObject> described = store.head(incoming);
        if (described.isEmpty()) {
            // (or another instance completed it and removed the incoming bytes just now)
            return completedMeanwhile(org, location).orElseThrow(ArrivedContent::notUploaded);
        }
        StoredObject arrived = described.get();
        ObjectLocation check = location.checkCopy(attempt());
        StoredObject checked;
        try {
            MediaType declared = MediaType.parse(p.contentType());
            ArrivedContent.checkDescription(arrived, declared);
            if (arrived.uploadedBy() != null) {
                throw ArrivedContent.foreignMetadata(); // (nothing signed for the incoming area writes an uploader)
            }
            checked = store.copy(
                    incoming,
                    check,
                    NewObject.unvalidated(p.contentType(), p.uploadedBy(), OptionalLong.empty()),
                    arrived.etag());
            long size = checked.size();
            boolean fits = p.transfer() == PendingUpload.Transfer.PUT
                    ? size == p.size()
                    : size >= 1 && size <= p.size(); // a form POST: the store enforced the policy's range
            if (!fits) {
                // (never the sizes: a client must not learn the size of an object it made the store copy)
                throw new PolicyViolation(
                        PolicyViolation.Kind.INVALID_REQUEST, "the uploaded size differs from the declared one");
            }
            ArrivedContent.checkBytes(store, check, checked.etag(), declared, size, p.sha256Hex());
        } catch (PolicyViolation e) {
            discard(check, e);
            store.delete(incoming);
            ledger.close(p); // kept, so that bytes PUT again are swept too
            throw e;
        } catch (ObjectChanged e) {
            // The client PUT again between the description and the copy: nothing was checked, nothing is sealed.
            discard(check, e);
            return completedMeanwhile(org, location).orElseThrow(UploadChanged::new);
        } catch (RuntimeException e) {
            discard(check, e);
            throw e;
        }
        StoredObject sealed;
        try {
            sealed = files.seal(check, location, p, checked.size(), checked.etag());
        } catch (ObjectChanged e) {
            discard(check, e); // (nobody else writes a check copy: only a store losing it gets here)
            throw new UploadChanged();
        } catch (RuntimeException e) {
            discard(check, e);
            throw e;
        }
        store.delete(check);
        store.delete(incoming);
        ledger.close(p);
        return StoredFile.of(org, sealed).withSha256(p.sha256Hex());
    }

    /** The file, when the ledger says another completion (another instance) completed this upload meanwhile. */
    private Optional<StoredFile> completedMeanwhile(OrgId org, ObjectLocation location) {
        return ledger.find(location)
                .filter(PendingUpload::closed)
                .flatMap(
                        p -> files.find(location).map(o -> StoredFile.of(org, o).withSha256(p.sha256Hex())));
    }

    /** Deletes a check copy after {@code failure}; a store too broken to delete it leaves it to the lifecycle rule. */
    private void discard(ObjectLocation check, RuntimeException failure) {
        try {
            store.delete(check);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** A name for one completion attempt's check copy: 128 random bits, so that no two attempts share one. */
    private static String attempt() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static FileNotFound unknown() {
        return new FileNotFound("no upload with this id is pending in this org");
    }
}
