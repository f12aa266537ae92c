package dev.filegate.domain.storage;

import dev.filegate.domain.file.StorageKey;
import java.util.List;
import java.util.Optional;

/**
 * The ledger of presigned uploads not yet completed. Kept in the store itself (no database), apart from the files.
 */
public interface PendingUploads {

    void record(PendingUpload upload);

    Optional<PendingUpload> find(String bucket, StorageKey key);

    void remove(String bucket, StorageKey key);

    /** The pending uploads of one tenant's key prefix. */
    List<PendingUpload> list(String bucket, String keyPrefix);
}
