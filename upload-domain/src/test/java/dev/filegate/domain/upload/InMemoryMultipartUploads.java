package dev.filegate.domain.upload;

import dev.filegate.domain.storage.MultipartUploads;
import dev.filegate.domain.storage.NewObject;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.StoredObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Multipart uploads over an {@link InMemoryObjectStore}, with S3's rules: every part but the last at least {@link
 * #MIN_PART_SIZE}, part numbers 1 to {@link #MAX_PARTS}, completion only from parts with their current entity tags
 * (quoted or not), in strictly ascending order; a completion repeated with the same parts while the object is as it
 * completed answers that object again (S3 lets a client whose answer was lost retry). {@link #uploadPart} is what a
 * client does with a signed part URL. {@code MultipartUploadsContract} holds it to the S3 adapter's behaviour.
 */
public final class InMemoryMultipartUploads implements MultipartUploads {

    private record Upload(
            ObjectLocation location, NewObject object, Instant initiated, TreeMap<Integer, byte[]> parts) {}

    /** A completed upload: where, from which parts (tags unquoted), and the object's entity tag it made. */
    private record Completion(ObjectLocation location, List<String> parts, String objectEtag) {}

    private final InMemoryObjectStore store;
    private final Clock clock;
    private final Map<String, Upload> uploads = new LinkedHashMap<>();
    private final Map<String, Completion> completions = new LinkedHashMap<>();
    long minPartSize = MIN_PART_SIZE;

    public InMemoryMultipartUploads(InMemoryObjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String start(ObjectLocation location, NewObject object) {
        String id = UUID.randomUUID() + "/" + UUID.randomUUID();
        uploads.put(id, new Upload(location, object, clock.instant(), new TreeMap<>()));
        return id;
    }

    /** A client's PUT of a part with a signed URL; {@code false} when the store refuses it (no such upload). */
    public boolean uploadPart(ObjectLocation location, String uploadId, int number, byte[] data) {
        Upload u = uploads.get(uploadId);
        if (u == null || !u.location().equals(location) || number < 1 || number > MAX_PARTS) {
            return false;
        }
        u.parts().put(number, data.clone());
        return true;
    }

    @Override
    public Optional<List<UploadedPart>> parts(ObjectLocation location, String uploadId) {
        Upload u = uploads.get(uploadId);
        if (u == null || !u.location().equals(location)) {
            return Optional.empty();
        }
        List<UploadedPart> parts = new ArrayList<>();
        u.parts().forEach((n, data) -> parts.add(new UploadedPart(n, etag(data), data.length)));
        return Optional.of(parts);
    }

    @Override
    public StoredObject complete(ObjectLocation location, String uploadId, List<UploadedPart> parts) {
        Upload u = uploads.get(uploadId);
        if (u == null || !u.location().equals(location)) {
            return repeatedCompletion(location, uploadId, parts)
                    .orElseThrow(() -> new MultipartRefused("no such upload"));
        }
        if (parts.isEmpty()) {
            throw new MultipartRefused("no parts");
        }
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        int previous = 0;
        for (int i = 0; i < parts.size(); i++) {
            UploadedPart p = parts.get(i);
            byte[] data = u.parts().get(p.number());
            if (p.number() <= previous || data == null || !unquoted(etag(data)).equals(unquoted(p.etag()))) {
                throw new MultipartRefused("part " + p.number() + " is not as uploaded");
            }
            if (i < parts.size() - 1 && data.length < minPartSize) {
                throw new MultipartRefused("part " + p.number() + " is too small");
            }
            previous = p.number();
            whole.writeBytes(data);
        }
        uploads.remove(uploadId);
        StoredObject stored;
        try {
            stored = store.put(location, u.object(), new ByteArrayInputStream(whole.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        completions.put(uploadId, new Completion(location, tags(parts), stored.etag()));
        return stored;
    }

    /** The object a completed upload made, if {@code parts} are the ones it was completed from and it is unchanged. */
    private Optional<StoredObject> repeatedCompletion(
            ObjectLocation location, String uploadId, List<UploadedPart> parts) {
        Completion c = completions.get(uploadId);
        if (c == null || !c.location().equals(location) || !c.parts().equals(tags(parts))) {
            return Optional.empty();
        }
        return store.head(location).filter(o -> o.etag().equals(c.objectEtag()));
    }

    private static List<String> tags(List<UploadedPart> parts) {
        return parts.stream().map(p -> p.number() + ":" + unquoted(p.etag())).toList();
    }

    private static String unquoted(String etag) {
        return etag.replace("\"", "");
    }

    @Override
    public boolean abort(ObjectLocation location, String uploadId) {
        Upload u = uploads.get(uploadId);
        if (u == null || !u.location().equals(location)) {
            return false;
        }
        uploads.remove(uploadId);
        return true;
    }

    @Override
    public List<OpenUpload> open(String bucket, String keyPrefix) {
        return uploads.entrySet().stream()
                .filter(e -> e.getValue().location().bucket().equals(bucket)
                        && e.getValue().location().objectKey().startsWith(keyPrefix))
                .map(e -> new OpenUpload(
                        e.getValue().location().objectKey(),
                        e.getKey(),
                        e.getValue().initiated()))
                .toList();
    }

    /** How many uploads are open, in every bucket. */
    int openCount() {
        return uploads.size();
    }

    private static String etag(byte[] data) {
        try {
            return "\""
                    + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
