package dev.filegate.domain.gateway;

import dev.filegate.domain.file.ContentDisposition;
import dev.filegate.domain.file.FileId;
import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.policy.MediaType;
import dev.filegate.domain.storage.AccessSigner;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.ObjectStore;
import dev.filegate.domain.storage.PendingUpload;
import dev.filegate.domain.storage.PendingUploads;
import dev.filegate.domain.storage.StoredObject;
import dev.filegate.domain.tenant.AccessDenied;
import dev.filegate.domain.tenant.AccessPolicy;
import dev.filegate.domain.tenant.Action;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.tenant.TenancyStrategy;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides gateway requests. The gateway path is {@code /files/{org}/{fileId}}; it is parsed strictly from the raw
 * request URI (no percent-escapes, no dot segments, no empty segments), the tenant rule is applied to the parsed
 * org, and the signature is computed for the service's own canonical path of that key, never for the client's.
 * Every refusal is an {@link AccessDenied}: a gateway can relay 401 and 403 only.
 */
public final class GatewayAuthorizer {

    public static final String PREFIX = "/files/";
    private static final Pattern PATH = Pattern.compile("/files/([a-z0-9-]{1,64})/([0-9a-z.-]{1,64})");

    private final ObjectStore store;
    private final AccessSigner signer;
    private final PendingUploads pending;
    private final TenancyStrategy tenancy;
    private final AccessPolicy access;
    private final Clock clock;

    public GatewayAuthorizer(
            ObjectStore store,
            AccessSigner signer,
            PendingUploads pending,
            TenancyStrategy tenancy,
            AccessPolicy access,
            Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.pending = Objects.requireNonNull(pending, "pending");
        this.tenancy = Objects.requireNonNull(tenancy, "tenancy");
        this.access = Objects.requireNonNull(access, "access");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The gateway URL of a tenant's file. */
    public static URI fileUrl(URI gateway, OrgId org, FileId id) {
        String base = gateway.toString().endsWith("/")
                ? gateway.toString().substring(0, gateway.toString().length() - 1)
                : gateway.toString();
        return URI.create(base + PREFIX + org.value() + "/" + id.value());
    }

    /**
     * @param rawUri the request URI exactly as the client sent it (nginx {@code $request_uri})
     * @param contentLength the client's {@code Content-Length} (PUT)
     * @param contentType the client's {@code Content-Type} (PUT)
     * @throws AccessDenied for anything that is not an allowed request
     */
    public GatewayGrant authorize(
            Caller caller, String method, String rawUri, OptionalLong contentLength, String contentType) {
        ObjectLocation location = parse(rawUri);
        OrgId org = location.key().org();
        String m = method == null ? "" : method.strip();
        return switch (m) {
            case "GET", "HEAD" -> read(caller, org, location, m);
            case "PUT" -> write(caller, org, location, contentLength, contentType);
            default -> throw new AccessDenied("the gateway serves GET, HEAD and PUT only");
        };
    }

    private GatewayGrant read(Caller caller, OrgId org, ObjectLocation location, String method) {
        access.check(caller, org, Action.READ);
        StoredObject object = store.head(location)
                .filter(o -> o.filename() != null)
                .orElseThrow(() -> new AccessDenied("no such file in this org"));
        AccessSigner.GatewaySignature signature = signer.signForGateway(location, method, Map.of());
        String type = object.contentType() == null ? MediaType.OCTET_STREAM.toString() : object.contentType();
        return new GatewayGrant(
                signature.upstreamPath(),
                signature.headers(),
                Map.of("Content-Disposition", ContentDisposition.attachment(object.filename()), "Content-Type", type));
    }

    private GatewayGrant write(
            Caller caller, OrgId org, ObjectLocation location, OptionalLong contentLength, String contentType) {
        access.check(caller, org, Action.UPLOAD);
        PendingUpload p = pending.find(location.bucket(), location.key())
                .filter(u -> u.expiresAt().isAfter(clock.instant()) && !u.closed())
                .orElseThrow(() -> new AccessDenied("no upload to this file is pending (reserve one through the API)"));
        if (contentLength.isEmpty() || contentLength.getAsLong() != p.size()) {
            throw new AccessDenied("the upload must be exactly the declared " + p.size() + " bytes");
        }
        if (contentType == null || !contentType.strip().equals(p.contentType())) {
            throw new AccessDenied("the upload's Content-Type must be the declared " + p.contentType());
        }
        // Clients write to the incoming area only; completing copies the validated bytes into the files.
        AccessSigner.GatewaySignature signature = signer.signForGateway(
                location.incomingArea(),
                "PUT",
                Map.of("Content-Type", p.contentType(), "Content-Length", Long.toString(p.size())));
        return new GatewayGrant(signature.upstreamPath(), signature.headers(), Map.of());
    }

    private ObjectLocation parse(String rawUri) {
        if (rawUri == null) {
            throw new AccessDenied("no original URI");
        }
        int q = rawUri.indexOf('?');
        String path = q >= 0 ? rawUri.substring(0, q) : rawUri;
        if (path.contains("%") || path.contains("..") || path.contains("//") || path.contains("\\")) {
            throw new AccessDenied("escapes, dot segments and empty segments are refused");
        }
        Matcher matcher = PATH.matcher(path);
        if (!matcher.matches()) {
            throw new AccessDenied("not a gateway file path");
        }
        OrgId org;
        try {
            org = OrgId.of(matcher.group(1));
        } catch (RuntimeException e) {
            throw new AccessDenied("not a valid org");
        }
        Optional<FileId> id = FileId.parse(matcher.group(2));
        if (id.isEmpty()) {
            throw new AccessDenied("not a file id");
        }
        try {
            return new ObjectLocation(tenancy.bucketFor(org), StorageKey.of(org, id.get()));
        } catch (RuntimeException e) {
            throw new AccessDenied("not a valid org");
        }
    }
}
