package dev.filegate.domain.gateway;

import dev.filegate.domain.file.ContentDisposition;
import dev.filegate.domain.file.GatewayPath;
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
import dev.filegate.domain.upload.CompletedFiles;
import dev.filegate.domain.upload.UploadLedger;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Decides gateway requests. The gateway path ({@link GatewayPath}, {@code /files/{org}/{fileId}}) is parsed strictly
 * from the raw request URI, the tenant rule is applied to the parsed org, and the signature is computed for the
 * service's own canonical path of that key, never for the client's. Every refusal is an {@link AccessDenied}: a
 * gateway can relay 401 and 403 only.
 */
public final class GatewayAuthorizer {

    private final CompletedFiles files;
    private final AccessSigner signer;
    private final UploadLedger ledger;
    private final TenancyStrategy tenancy;
    private final AccessPolicy access;

    public GatewayAuthorizer(
            ObjectStore store,
            AccessSigner signer,
            PendingUploads pending,
            TenancyStrategy tenancy,
            AccessPolicy access,
            Clock clock) {
        this.files = new CompletedFiles(store, tenancy);
        this.signer = Objects.requireNonNull(signer, "signer");
        this.ledger = new UploadLedger(pending, clock);
        this.tenancy = Objects.requireNonNull(tenancy, "tenancy");
        this.access = Objects.requireNonNull(access, "access");
    }

    /**
     * @param rawUri the request URI exactly as the client sent it (nginx {@code $request_uri})
     * @param contentLength the client's {@code Content-Length} (PUT)
     * @param contentType the client's {@code Content-Type} (PUT)
     * @throws AccessDenied for anything that is not an allowed request
     */
    public GatewayGrant authorize(
            Caller caller, String method, String rawUri, OptionalLong contentLength, String contentType) {
        ObjectLocation location = locate(GatewayPath.parse(rawUri));
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
        StoredObject object = files.find(location).orElseThrow(() -> new AccessDenied("no such file in this org"));
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
        PendingUpload p = ledger.writable(location)
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

    private ObjectLocation locate(StorageKey key) {
        try {
            return new ObjectLocation(tenancy.bucketFor(key.org()), key);
        } catch (RuntimeException e) {
            throw new AccessDenied("not a valid org");
        }
    }
}
