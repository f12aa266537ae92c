package dev.filegate.domain.upload;

import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.storage.ByteRange;
import dev.filegate.domain.storage.NewObject;
import dev.filegate.domain.storage.ObjectChanged;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.ObjectPage;
import dev.filegate.domain.storage.ObjectRead;
import dev.filegate.domain.storage.ObjectStore;
import dev.filegate.domain.storage.ReadConditions;
import dev.filegate.domain.storage.StoreAdministration;
import dev.filegate.domain.storage.StoreHealth;
import dev.filegate.domain.storage.StoredObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A store for the domain's own rules, both ports over one map: keeps bytes in a map and, like a real store, nothing of
 * a failed write. It honours the same contract as the S3 adapter ({@code ObjectStoreContract},
 * {@code StoreAdministrationContract}), so that the domain's tests are not passing against a kinder store. Each call
 * is atomic (tests that play two instances of the service call it from two threads).
 */
public final class InMemoryObjectStore implements ObjectStore, StoreAdministration {

    final Map<String, byte[]> bytes = new TreeMap<>();
    final Map<String, StoredObject> objects = new TreeMap<>();
    final Set<String> prepared = new TreeSet<>();
    int puts;

    @Override
    public synchronized StoredObject put(ObjectLocation location, NewObject object, InputStream body)
            throws IOException {
        puts++;
        byte[] data = body.readAllBytes();
        if (object.length().isPresent() && data.length < object.length().getAsLong()) {
            throw new PolicyViolation(
                    PolicyViolation.Kind.INVALID_REQUEST,
                    "the body ended after " + data.length + " of the "
                            + object.length().getAsLong() + " bytes");
        }
        StoredObject stored = new StoredObject(
                location.key(),
                data.length,
                object.contentType(),
                etag(data),
                Instant.parse("2026-01-01T00:00:00Z"),
                object.filename(),
                object.uploadedBy());
        bytes.put(location.bucket() + "/" + location.objectKey(), data);
        objects.put(location.bucket() + "/" + location.objectKey(), stored);
        return stored;
    }

    /** Like S3's for a single PUT: the quoted MD5 of the bytes. */
    private static String etag(byte[] data) {
        try {
            return "\""
                    + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized Optional<StoredObject> head(ObjectLocation location) {
        return Optional.ofNullable(objects.get(location.bucket() + "/" + location.objectKey()));
    }

    @Override
    public synchronized void prepare(String bucket) {
        prepared.add(bucket);
    }

    @Override
    public synchronized Usage usage(String bucket, String prefix) {
        List<StoredObject> found = objects.entrySet().stream()
                .filter(e -> e.getKey().startsWith(bucket + "/" + prefix))
                .map(Map.Entry::getValue)
                .toList();
        return new Usage(
                found.size(), found.stream().mapToLong(StoredObject::size).sum());
    }

    @Override
    public synchronized List<String> childPrefixes(String bucket, String prefix) {
        return objects.keySet().stream()
                .filter(k -> k.startsWith(bucket + "/" + prefix))
                .map(k -> k.substring(bucket.length() + 1 + prefix.length()))
                .filter(rest -> rest.contains("/"))
                .map(rest -> prefix + rest.substring(0, rest.indexOf('/') + 1))
                .distinct()
                .toList();
    }

    @Override
    public synchronized List<String> buckets() {
        return Stream.concat(prepared.stream(), objects.keySet().stream().map(k -> k.substring(0, k.indexOf('/'))))
                .distinct()
                .sorted()
                .toList();
    }

    @Override
    public synchronized StoredObject copy(ObjectLocation from, ObjectLocation to, NewObject object, String sourceEtag) {
        String source = from.bucket() + "/" + from.objectKey();
        StoredObject o = objects.get(source);
        if (o == null) {
            throw new ObjectChanged("the object to copy is gone");
        }
        if (!ObjectChanged.sameTag(o.etag(), sourceEtag)) {
            throw new ObjectChanged("the object to copy is not the one named");
        }
        StoredObject copied = new StoredObject(
                to.key(),
                o.size(),
                object.contentType(),
                o.etag(),
                o.lastModified(),
                object.filename(),
                object.uploadedBy());
        String target = to.bucket() + "/" + to.objectKey();
        bytes.put(target, bytes.get(source));
        objects.put(target, copied);
        return copied;
    }

    @Override
    public synchronized ObjectRead get(ObjectLocation location, ReadConditions conditions) {
        String id = location.bucket() + "/" + location.objectKey();
        StoredObject object = objects.get(id);
        if (object == null) {
            return new ObjectRead.Missing();
        }
        if (conditions.ifMatch().isPresent()
                && !ObjectChanged.sameTag(object.etag(), conditions.ifMatch().get())) {
            throw new ObjectChanged("the object to read is not the one named");
        }
        if (conditions
                .ifNoneMatch()
                .filter(tags -> matches(tags, object.etag()))
                .isPresent()) {
            return new ObjectRead.NotModified(conditions.ifNoneMatch().get());
        }
        byte[] data = bytes.get(id);
        if (conditions.range().isEmpty()) {
            return new ObjectRead.Content(object, data.length, null, new ByteArrayInputStream(data));
        }
        ByteRange range = conditions.range().get();
        long first = range.first() == null ? Math.max(0, data.length - range.last()) : range.first();
        long last = range.first() == null || range.last() == null
                ? data.length - 1
                : Math.min(range.last(), data.length - 1);
        if (first >= data.length) {
            return new ObjectRead.RangeNotSatisfiable(data.length);
        }
        byte[] part = Arrays.copyOfRange(data, (int) first, (int) last + 1);
        return new ObjectRead.Content(
                object, part.length, "bytes " + first + "-" + last + "/" + data.length, new ByteArrayInputStream(part));
    }

    /** Whether an {@code If-None-Match} value names {@code etag} (weakly, as RFC 9110 has it for GET). */
    private static boolean matches(String ifNoneMatch, String etag) {
        return ifNoneMatch.equals("*")
                || Arrays.stream(ifNoneMatch.split(","))
                        .map(String::strip)
                        .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                        .anyMatch(etag::equals);
    }

    @Override
    public synchronized boolean delete(ObjectLocation location) {
        bytes.remove(location.bucket() + "/" + location.objectKey());
        return objects.remove(location.bucket() + "/" + location.objectKey()) != null;
    }

    /** The cursor is the last object key of the previous page. */
    @Override
    public synchronized ObjectPage list(String bucket, String prefix, String cursor, int limit) {
        List<String> keys = objects.keySet().stream()
                .filter(k -> k.startsWith(bucket + "/" + prefix))
                .map(k -> k.substring(bucket.length() + 1))
                .filter(key -> StorageKey.parse(key).isPresent())
                .filter(key -> cursor == null || key.compareTo(cursor) > 0)
                .toList();
        List<String> page = keys.subList(0, Math.min(limit, keys.size()));
        return new ObjectPage(
                page.stream().map(key -> objects.get(bucket + "/" + key)).toList(),
                page.size() < keys.size() ? page.get(page.size() - 1) : null);
    }

    @Override
    public synchronized StoreHealth health(String bucket) {
        return new StoreHealth(true, "in memory");
    }

    @Override
    public synchronized int finishCleanup() {
        return 0;
    }
}
