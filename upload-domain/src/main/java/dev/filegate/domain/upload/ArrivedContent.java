package dev.filegate.domain.upload;

import dev.filegate.domain.policy.FileSignatures;
import dev.filegate.domain.policy.MediaType;
import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.storage.ByteRange;
import dev.filegate.domain.storage.ObjectChanged;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.ObjectRead;
import dev.filegate.domain.storage.ObjectStore;
import dev.filegate.domain.storage.ReadConditions;
import dev.filegate.domain.storage.StoreUnavailable;
import dev.filegate.domain.storage.StoredObject;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * The checks every direct upload's bytes pass before they become a file, whichever way the client sent them: the
 * stored type is the declared one, the object carries no metadata the service did not write, and its content matches
 * its type (and, when one was declared, its SHA-256).
 */
final class ArrivedContent {

    private ArrivedContent() {}

    /** Checks what the store describes against the declaration. */
    static void checkDescription(StoredObject arrived, MediaType declared) {
        if (arrived.contentType() == null
                || !MediaType.parse(arrived.contentType()).equals(declared)) {
            throw new PolicyViolation(
                    PolicyViolation.Kind.TYPE_MISMATCH, "the uploaded content type differs from the declared one");
        }
        if (arrived.filename() != null) {
            // Nothing a client signs writes a filename: this object was written with headers nobody signed, or
            // copied from one of the service's files by a store that honours such headers (x-amz-copy-source).
            throw foreignMetadata();
        }
    }

    static PolicyViolation foreignMetadata() {
        return new PolicyViolation(
                PolicyViolation.Kind.INVALID_REQUEST,
                "the upload carries metadata the service did not sign; send exactly the signed headers");
    }

    /**
     * Checks the object at {@code location} whose entity tag is {@code etag} (which no client can change) in one
     * read: its leading bytes against its type and, when {@code sha256Hex} is given, its SHA-256 over every byte. The
     * store enforces a bound checksum on a PUT, not on a copy it lets a PUT URL make, so a declared one is checked
     * here. The read is of that object only (If-Match, and the entity tag of what was read compared too): what passes
     * is what {@code etag} names, and only that may be sealed.
     *
     * @throws ObjectChanged when the object at {@code location} is no longer the one {@code etag} names
     */
    static void checkBytes(
            ObjectStore store, ObjectLocation location, String etag, MediaType declared, long size, String sha256Hex) {
        boolean hashed = sha256Hex != null;
        if (size == 0 && !hashed) {
            FileSignatures.check(declared, new byte[0]);
            return;
        }
        Optional<ByteRange> range = hashed
                ? Optional.empty()
                : Optional.of(new ByteRange(0L, Math.min(size, FileSignatures.HEAD_BYTES) - 1));
        ObjectRead read = store.get(location, new ReadConditions(range, Optional.empty()).onlyIfMatch(etag));
        if (!(read instanceof ObjectRead.Content content)) {
            throw new ObjectChanged("the object to check is gone");
        }
        try (SizeLimitedInputStream in = new SizeLimitedInputStream(content.body(), size)) {
            if (!ObjectChanged.sameTag(content.object().etag(), etag)) {
                throw new ObjectChanged("the store sent another object than the one to check");
            }
            FileSignatures.check(declared, in.readNBytes(FileSignatures.HEAD_BYTES));
            if (hashed) {
                in.transferTo(OutputStream.nullOutputStream());
                if (!sha256Hex.equals(in.sha256Hex())) {
                    throw new PolicyViolation(
                            PolicyViolation.Kind.INVALID_REQUEST, "the uploaded bytes differ from the declared sha256");
                }
            }
        } catch (IOException e) {
            throw new StoreUnavailable("reading the uploaded file failed", e);
        }
    }

    static PolicyViolation notUploaded() {
        return new PolicyViolation(PolicyViolation.Kind.NOT_UPLOADED, "the file has not been uploaded yet");
    }
}
