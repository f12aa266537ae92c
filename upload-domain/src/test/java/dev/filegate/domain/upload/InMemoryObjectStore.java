package dev.filegate.domain.upload;

import dev.filegate.domain.storage.NewObject;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.ObjectPage;
import dev.filegate.domain.storage.ObjectRead;
import dev.filegate.domain.storage.ObjectStore;
import dev.filegate.domain.storage.ReadConditions;
import dev.filegate.domain.storage.StoreHealth;
import dev.filegate.domain.storage.StoredObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A store for the domain's own rules: keeps bytes in a map and, like a real store, nothing of a failed write. */
final class InMemoryObjectStore implements ObjectStore {

    final Map<String, byte[]> bytes = new TreeMap<>();
    final Map<String, StoredObject> objects = new TreeMap<>();
    int puts;

    @Override
    public StoredObject put(ObjectLocation location, NewObject object, InputStream body) throws IOException {
        puts++;
        byte[] data = body.readAllBytes();
        StoredObject stored = new StoredObject(
                location.key(),
                data.length,
                object.contentType(),
                "\"e" + data.length + "\"",
                Instant.parse("2026-01-01T00:00:00Z"),
                object.filename(),
                object.uploadedBy());
        bytes.put(location.bucket() + "/" + location.objectKey(), data);
        objects.put(location.bucket() + "/" + location.objectKey(), stored);
        return stored;
    }

    @Override
    public Optional<StoredObject> head(ObjectLocation location) {
        return Optional.ofNullable(objects.get(location.bucket() + "/" + location.objectKey()));
    }

    @Override
    public void prepare(String bucket) {}

    @Override
    public Usage usage(String bucket, String prefix) {
        List<StoredObject> found = objects.entrySet().stream()
                .filter(e -> e.getKey().startsWith(bucket + "/" + prefix))
                .map(Map.Entry::getValue)
                .toList();
        return new Usage(
                found.size(), found.stream().mapToLong(StoredObject::size).sum());
    }

    @Override
    public List<String> childPrefixes(String bucket, String prefix) {
        return objects.keySet().stream()
                .filter(k -> k.startsWith(bucket + "/" + prefix))
                .map(k -> k.substring(bucket.length() + 1 + prefix.length()))
                .filter(rest -> rest.contains("/"))
                .map(rest -> prefix + rest.substring(0, rest.indexOf('/') + 1))
                .distinct()
                .toList();
    }

    @Override
    public List<String> buckets() {
        return objects.keySet().stream()
                .map(k -> k.substring(0, k.indexOf('/')))
                .distinct()
                .toList();
    }

    @Override
    public StoredObject copy(ObjectLocation from, ObjectLocation to, NewObject object) {
        String source = from.bucket() + "/" + from.objectKey();
        StoredObject o = objects.get(source);
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
    public ObjectRead get(ObjectLocation location, ReadConditions conditions) {
        String id = location.bucket() + "/" + location.objectKey();
        return objects.containsKey(id)
                ? new ObjectRead.Content(
                        objects.get(id), bytes.get(id).length, null, new ByteArrayInputStream(bytes.get(id)))
                : new ObjectRead.Missing();
    }

    @Override
    public boolean delete(ObjectLocation location) {
        bytes.remove(location.bucket() + "/" + location.objectKey());
        return objects.remove(location.bucket() + "/" + location.objectKey()) != null;
    }

    @Override
    public ObjectPage list(String bucket, String prefix, String cursor, int limit) {
        List<StoredObject> found = objects.entrySet().stream()
                .filter(e -> e.getKey().startsWith(bucket + "/" + prefix))
                .map(Map.Entry::getValue)
                .limit(limit)
                .toList();
        return new ObjectPage(found, null);
    }

    @Override
    public StoreHealth health(String bucket) {
        return new StoreHealth(true, "in memory");
    }

    @Override
    public int finishCleanup() {
        return 0;
    }
}
