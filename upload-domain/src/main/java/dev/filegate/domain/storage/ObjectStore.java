package dev.filegate.domain.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The store port, data plane: private object storage reached with the service's own credentials, one object at a
 * time. The store's buckets, usage, health and deferred clean-up are {@link StoreAdministration}'s.
 *
 * <p>Implementations stream: {@link #put} never holds a whole body in memory or on disk, and leaves nothing behind
 * when it fails (no partial object, no open multipart upload; clean-up the store was too far gone to accept is kept
 * and retried by {@link StoreAdministration#finishCleanup()}). They throw {@link StoreUnavailable} when the store
 * cannot be reached. A bucket that does not exist holds no objects: reading, listing or deleting in it is not an
 * error. {@code ObjectStoreContract} in this module's tests is the executable form of this contract, run against
 * every implementation.
 */
public interface ObjectStore {

    /**
     * Stores {@code body} under {@code location}, replacing what was there, with {@code object}'s content type and
     * metadata. A body of unknown length ({@code object.length()} empty) is streamed too. The bucket is made ready
     * first where the deployment allows it (see {@link StoreAdministration#prepare}). If reading {@code body} throws,
     * the write is abandoned and the exception (or one caused by it) propagates.
     *
     * @return the object as stored: its size, type, metadata and the entity tag {@link #head} reports; the store's
     *     modification time may be {@code null} here ({@link #head} has it)
     */
    StoredObject put(ObjectLocation location, NewObject object, InputStream body) throws IOException;

    /** @return the object's description, or empty when there is none (or no such bucket) */
    Optional<StoredObject> head(ObjectLocation location);

    /**
     * Copies an object server-side, with {@code object}'s type and metadata instead of the source's (which a client
     * may have written), but only the object at {@code from} whose entity tag is {@code sourceEtag}: the one the
     * caller described or checked. {@code from} and {@code to} may be the same object (rewriting its metadata in
     * place). The condition holds for every byte copied, also for a copy the store makes in several parts: bytes of
     * another object at {@code from}, written before or during the copy, are never copied, not even some of them.
     *
     * <p>The condition is the store's to enforce (S3: {@code x-amz-copy-source-if-match} on CopyObject and on every
     * UploadPartCopy), in the same step as the copy. A store that ignores it copies whatever is at {@code from}:
     * callers whose safety depends on it copy only from objects that nobody else writes, or check the copy.
     *
     * @param sourceEtag the entity tag of the object to copy, as {@link #head} or a write reported it (quoted or not)
     * @return the copy as stored
     * @throws ObjectChanged when the object at {@code from} is not the one with that entity tag, or there is none:
     *     nothing was written at {@code to}
     */
    StoredObject copy(ObjectLocation from, ObjectLocation to, NewObject object, String sourceEtag);

    /**
     * Reads an object: the whole of it, the one range asked for ({@link ObjectRead.Content#contentRange()} then says
     * which bytes of how many, and {@link StoredObject#size()} is still the whole object's), {@link
     * ObjectRead.NotModified} when {@code If-None-Match} names its entity tag, {@link ObjectRead.RangeNotSatisfiable}
     * for a range that starts past its end, or {@link ObjectRead.Missing}. The content's {@link StoredObject#etag()}
     * is the entity tag of the object whose bytes it carries.
     *
     * @throws ObjectChanged when {@link ReadConditions#ifMatch()} names another entity tag than the object's
     */
    ObjectRead get(ObjectLocation location, ReadConditions conditions);

    /**
     * Deletes an object, and says whether there was one.
     *
     * <p>The answer is only as fresh as the store lets it be. A store whose delete does not tell whether anything was
     * deleted (S3 answers 204 either way) is asked first, then told to delete, and that is not atomic: a write or
     * delete by someone else in between makes the answer stale. {@code true} may then be for an object another
     * caller removed meanwhile (or replaced, and this call removed the replacement); {@code false} for an object
     * written after the check, which is kept. Callers must not build mutual exclusion on it.
     *
     * @return whether an object was there to delete; {@code false} also when the bucket does not exist
     */
    boolean delete(ObjectLocation location);

    /**
     * Lists the files area ({@link ObjectLocation#incoming()} objects are never listed) under a prefix, in key
     * order, oldest key first. A page holds at most {@code limit} objects, and may hold fewer while more follow.
     *
     * @param cursor the {@link ObjectPage#nextCursor()} of the previous page, or {@code null} for the first
     */
    ObjectPage list(String bucket, String prefix, String cursor, int limit);
}
