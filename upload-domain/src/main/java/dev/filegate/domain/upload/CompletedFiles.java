package dev.filegate.domain.upload;

import dev.filegate.domain.file.FileId;
import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.storage.NewObject;
import dev.filegate.domain.storage.ObjectChanged;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.ObjectStore;
import dev.filegate.domain.storage.PendingUpload;
import dev.filegate.domain.storage.StoredObject;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.tenant.TenancyStrategy;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What "complete" means, in one place. An object in the files area is complete once the service has sealed it with
 * its original filename: a proxy upload is written sealed, a presigned or gateway upload is sealed by
 * {@link UploadCompletion} after its bytes passed every check. Nothing a client signs writes a filename. Only
 * complete files are described, served, signed for download or kept by the sweeper; anything else at a file's
 * location is treated as absent.
 */
public final class CompletedFiles {

    private final ObjectStore store;
    private final TenancyStrategy tenancy;

    public CompletedFiles(ObjectStore store, TenancyStrategy tenancy) {
        this.store = Objects.requireNonNull(store, "store");
        this.tenancy = Objects.requireNonNull(tenancy, "tenancy");
    }

    /** Whether the service sealed this object: validated, and so described and served. */
    public static boolean isComplete(StoredObject object) {
        return object.filename() != null;
    }

    /**
     * Where a tenant's file lives. An id that does not parse is treated exactly like an absent file: callers learn
     * nothing from the difference.
     */
    public Optional<ObjectLocation> locate(OrgId org, String fileId) {
        return FileId.parse(fileId).map(id -> locate(org, id));
    }

    /** Where a tenant's file lives. */
    public ObjectLocation locate(OrgId org, FileId id) {
        return new ObjectLocation(tenancy.bucketFor(org), StorageKey.of(org, id));
    }

    /** The complete file at {@code location}, if there is one. */
    public Optional<StoredObject> find(ObjectLocation location) {
        return store.head(location).filter(CompletedFiles::isComplete);
    }

    /**
     * Seals the validated object at {@code checked} (of {@code size} bytes, with entity tag {@code checkedEtag}) at
     * the file's {@code location} (the same object, or a copy nobody else writes) with its filename: from now on it
     * is complete. Only that very object is sealed: the copy is conditional on its entity tag, so that bytes written
     * there since the check (by a client, or by another instance of the service completing the same upload) are
     * never sealed.
     *
     * @throws ObjectChanged when {@code checked} is no longer the object checked: nothing was sealed
     */
    StoredObject seal(
            ObjectLocation checked, ObjectLocation location, PendingUpload upload, long size, String checkedEtag) {
        return store.copy(
                checked,
                location,
                new NewObject(upload.contentType(), upload.filename(), upload.uploadedBy(), OptionalLong.of(size)),
                checkedEtag);
    }
}
