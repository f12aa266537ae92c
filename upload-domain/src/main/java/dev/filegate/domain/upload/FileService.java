package dev.filegate.domain.upload;

import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.file.StorageKeyGenerator;
import dev.filegate.domain.policy.FileSignatures;
import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.policy.UploadPolicy;
import dev.filegate.domain.policy.ValidatedUpload;
import dev.filegate.domain.storage.NewObject;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.ObjectPage;
import dev.filegate.domain.storage.ObjectRead;
import dev.filegate.domain.storage.ObjectStore;
import dev.filegate.domain.storage.ReadConditions;
import dev.filegate.domain.storage.StoredObject;
import dev.filegate.domain.tenant.AccessPolicy;
import dev.filegate.domain.tenant.Action;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.tenant.TenancyStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** The tenant's files: upload through the service, list, read, describe, delete. */
public final class FileService {

    public static final int MAX_PAGE = 1000;

    private final ObjectStore store;
    private final CompletedFiles files;
    private final TenancyStrategy tenancy;
    private final UploadPolicy policy;
    private final AccessPolicy access;
    private final StorageKeyGenerator keys;

    public FileService(
            ObjectStore store,
            TenancyStrategy tenancy,
            UploadPolicy policy,
            AccessPolicy access,
            StorageKeyGenerator keys) {
        this.store = Objects.requireNonNull(store, "store");
        this.tenancy = Objects.requireNonNull(tenancy, "tenancy");
        this.files = new CompletedFiles(store, tenancy);
        this.policy = Objects.requireNonNull(policy, "policy");
        this.access = Objects.requireNonNull(access, "access");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /**
     * Streams a body into the store under a fresh key, enforcing the policy on the way. Nothing is stored when the
     * body breaks the size limit or the stream fails.
     */
    public StoredFile upload(Caller caller, OrgId org, UploadRequest request, InputStream body) throws IOException {
        access.check(caller, org, Action.UPLOAD);
        ValidatedUpload upload = policy.check(request.filename(), request.contentType(), request.declaredSize());
        StorageKey key = keys.next(org, upload.keyExtension());
        ObjectLocation location = new ObjectLocation(tenancy.bucketFor(org), key);
        SizeLimitedInputStream limited = new SizeLimitedInputStream(checkedHead(body, upload), upload.maxBytes());
        NewObject object = new NewObject(
                upload.contentType().toString(), upload.fileName().value(), caller.subject(), request.declaredSize());
        StoredObject stored;
        try {
            stored = store.put(location, object, limited);
        } catch (IOException | RuntimeException e) {
            if (limited.exceeded()) {
                throw UploadPolicy.tooLarge(upload.contentType(), upload.maxBytes());
            }
            throw e;
        }
        if (request.declaredSize().isPresent() && request.declaredSize().getAsLong() != limited.count()) {
            store.delete(location);
            throw new PolicyViolation(
                    PolicyViolation.Kind.INVALID_REQUEST, "the body length differs from the declared size");
        }
        return new StoredFile(
                org,
                key.fileId(),
                upload.fileName().value(),
                upload.contentType().toString(),
                limited.count(),
                limited.sha256Hex(),
                stored.etag(),
                stored.lastModified() != null
                        ? stored.lastModified()
                        : keys.clock().instant(),
                caller.subject(),
                StoredFile.State.COMPLETE);
    }

    /** Reads the first bytes to check them against the declared type, then hands on a stream that starts over. */
    private static InputStream checkedHead(InputStream body, ValidatedUpload upload) throws IOException {
        PushbackInputStream in = new PushbackInputStream(body, FileSignatures.HEAD_BYTES);
        byte[] head = new byte[FileSignatures.HEAD_BYTES];
        int filled = 0;
        for (int n; filled < head.length && (n = in.read(head, filled, head.length - filled)) > 0; ) {
            filled += n;
        }
        byte[] actual = Arrays.copyOf(head, filled);
        FileSignatures.check(upload.contentType(), actual);
        in.unread(actual);
        return in;
    }

    public FilePage list(Caller caller, OrgId org, String cursor, int limit) {
        access.check(caller, org, Action.LIST);
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        ObjectPage page = store.list(tenancy.bucketFor(org), StorageKey.prefixOf(org), storeCursor(cursor), size);
        return new FilePage(
                page.objects().stream()
                        .filter(o -> o.key().belongsTo(org))
                        .map(o -> StoredFile.of(org, o))
                        .toList(),
                page.nextCursor() == null
                        ? null
                        : CURSOR_ENCODER.encodeToString(page.nextCursor().getBytes(StandardCharsets.UTF_8)));
    }

    /** The longest cursor accepted (what this service hands out is far shorter). */
    public static final int MAX_CURSOR = 2048;

    private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_CURSOR + "}");
    private static final Base64.Encoder CURSOR_ENCODER = Base64.getUrlEncoder().withoutPadding();

    /**
     * The store's continuation token inside a cursor this service handed out. Cursors are opaque (base64url of the
     * store's token), so a malformed one is the client's error (400) and never reaches the store.
     */
    private static String storeCursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        if (CURSOR.matcher(cursor).matches()) {
            try {
                String token = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                if (!token.isEmpty() && token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                    return token;
                }
            } catch (IllegalArgumentException e) {
                // falls through to the refusal
            }
        }
        throw new PolicyViolation(
                PolicyViolation.Kind.INVALID_REQUEST,
                "cursor must be a next_cursor value from a previous page of this listing");
    }

    public Optional<StoredFile> describe(Caller caller, OrgId org, String fileId) {
        access.check(caller, org, Action.READ);
        return files.locate(org, fileId).flatMap(files::find).map(o -> StoredFile.of(org, o));
    }

    public ObjectRead read(Caller caller, OrgId org, String fileId, ReadConditions conditions) {
        access.check(caller, org, Action.READ);
        Optional<ObjectLocation> location = files.locate(org, fileId);
        ObjectRead read = location.map(l -> store.get(l, conditions)).orElseGet(ObjectRead.Missing::new);
        if ((read instanceof ObjectRead.NotModified || read instanceof ObjectRead.RangeNotSatisfiable)
                && location.flatMap(files::find).isEmpty()) {
            return new ObjectRead.Missing(); // a file not validated looks absent, whatever the conditions
        }
        if (read instanceof ObjectRead.Content content && !CompletedFiles.isComplete(content.object())) {
            try {
                content.body().close();
            } catch (IOException e) {
                // nothing was sent; the connection goes back or away
            }
            return new ObjectRead.Missing(); // an uncompleted presigned upload is not served
        }
        return read;
    }

    /** @return whether the file existed */
    public boolean delete(Caller caller, OrgId org, String fileId) {
        access.check(caller, org, Action.DELETE);
        // The store port reports whether there was an object to delete (ObjectStoreContract holds both adapters to it).
        return files.locate(org, fileId).map(store::delete).orElse(false);
    }

    public UploadPolicy policy() {
        return policy;
    }

    public TenancyStrategy tenancy() {
        return tenancy;
    }

    public AccessPolicy access() {
        return access;
    }
}
