package dev.filegate.domain.upload;

import dev.filegate.domain.policy.MediaType;
import dev.filegate.domain.policy.UploadPolicy;
import dev.filegate.domain.storage.AccessSigner;
import dev.filegate.domain.storage.ObjectStore;
import dev.filegate.domain.storage.SignedRequest;
import dev.filegate.domain.tenant.AccessPolicy;
import dev.filegate.domain.tenant.Action;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.tenant.TenancyStrategy;
import java.util.Objects;
import java.util.Optional;

/**
 * Signs short-lived GETs of complete files for redirect downloads: the client fetches the bytes from the store, as
 * an attachment under the file's validated name and type. Nothing is signed for a file that is not complete.
 */
public final class DownloadLinks {

    private final CompletedFiles files;
    private final AccessSigner signer;
    private final UploadPolicy policy;
    private final AccessPolicy access;

    public DownloadLinks(
            ObjectStore store, AccessSigner signer, TenancyStrategy tenancy, UploadPolicy policy, AccessPolicy access) {
        this.files = new CompletedFiles(store, tenancy);
        this.signer = Objects.requireNonNull(signer, "signer");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.access = Objects.requireNonNull(access, "access");
    }

    /** A short-lived GET of a completed file, for redirect downloads; empty when there is no such file. */
    public Optional<SignedRequest> redirect(Caller caller, OrgId org, String fileId) {
        access.check(caller, org, Action.READ);
        return files.locate(org, fileId)
                .flatMap(l -> files.find(l)
                        .map(o -> signer.signDownload(
                                l,
                                o.filename(),
                                o.contentType() == null ? MediaType.OCTET_STREAM.toString() : o.contentType(),
                                policy.expiries().redirect(),
                                AccessSigner.Audience.PUBLIC)));
    }
}
