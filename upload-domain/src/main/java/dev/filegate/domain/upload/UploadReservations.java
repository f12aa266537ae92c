package dev.filegate.domain.upload;

import dev.filegate.domain.file.GatewayPath;
import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.file.StorageKeyGenerator;
import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.policy.UploadPolicy;
import dev.filegate.domain.policy.ValidatedUpload;
import dev.filegate.domain.storage.AccessSigner;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.PendingUpload;
import dev.filegate.domain.storage.PendingUploads;
import dev.filegate.domain.storage.PostPolicy;
import dev.filegate.domain.storage.SignedRequest;
import dev.filegate.domain.storage.StoreAdministration;
import dev.filegate.domain.tenant.AccessPolicy;
import dev.filegate.domain.tenant.Action;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.tenant.TenancyStrategy;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reserves direct uploads: validates a proposed upload, generates its key, records it in the {@link UploadLedger}
 * and hands out where to PUT the bytes. Nothing is signed or recorded for a request the policy refuses.
 *
 * <p>Clients write only to the incoming area ({@link ObjectLocation#incomingArea()}); the API serves only the files
 * area, which only the service writes ({@link UploadCompletion}). Everything the store can enforce is bound into the
 * signature (type, exact length, SHA-256 when declared); what it cannot (the content matching its type) is checked
 * on completion.
 */
public final class UploadReservations {

    private final StoreAdministration administration;
    private final AccessSigner signer;
    private final UploadLedger ledger;
    private final TenancyStrategy tenancy;
    private final UploadPolicy policy;
    private final AccessPolicy access;
    private final StorageKeyGenerator keys;
    private final boolean requireSha256;

    /**
     * @param administration sets up each bucket for direct client transfers before anything is signed for it
     * @param requireSha256 whether every presigned upload must declare its SHA-256 (which completion then checks
     *        over the bytes): the only defence against a client copying another object into its upload on a store
     *        that honours headers nobody signed (see SECURITY.md)
     */
    public UploadReservations(
            StoreAdministration administration,
            AccessSigner signer,
            PendingUploads pending,
            TenancyStrategy tenancy,
            UploadPolicy policy,
            AccessPolicy access,
            StorageKeyGenerator keys,
            boolean requireSha256) {
        this.administration = Objects.requireNonNull(administration, "administration");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.tenancy = Objects.requireNonNull(tenancy, "tenancy");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.access = Objects.requireNonNull(access, "access");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.ledger = new UploadLedger(Objects.requireNonNull(pending, "pending"), keys.clock());
        this.requireSha256 = requireSha256;
    }

    /**
     * Presigned mode: signs a PUT of the incoming area straight to the store.
     *
     * @param sha256 the file's SHA-256 as hex or base64, if the client knows it
     */
    public PresignedUpload presign(
            Caller caller, OrgId org, UploadRequest request, Optional<String> sha256, AccessSigner.Audience audience) {
        SignedFor.check(caller, audience);
        if (requireSha256 && sha256.isEmpty()) {
            throw new PolicyViolation(
                    PolicyViolation.Kind.INVALID_REQUEST,
                    "this deployment needs the file's sha256 with every presigned upload");
        }
        Reservation r = reserve(caller, org, request, sha256, false);
        ObjectLocation incoming = r.location().incomingArea();
        SignedRequest put = signer.signUpload(
                incoming, r.type(), r.size(), r.digest(), policy.expiries().uploadUrl(), audience);
        // Seed 001's client uses get_url right after its PUT, without completing: it serves the bytes as uploaded
        // (as an attachment of the declared type) until the upload is completed or swept, never through the API.
        SignedRequest get = signer.signDownload(
                incoming, r.filename(), r.type(), policy.expiries().downloadUrl(), audience);
        ledger.record(r, caller.subject(), put.expiresAt(), PendingUpload.Transfer.PUT);
        return new PresignedUpload(r.location().key().fileId(), put, get);
    }

    /**
     * Presigned mode, for browsers: signs a form POST (a POST policy) of the incoming area, which the store accepts
     * only for this key and type and for 1 byte up to the limit; the client does not say the size up front.
     */
    public FormUpload presignForm(Caller caller, OrgId org, UploadRequest request, AccessSigner.Audience audience) {
        SignedFor.check(caller, audience);
        if (requireSha256) {
            throw new PolicyViolation(
                    PolicyViolation.Kind.INVALID_REQUEST,
                    "this deployment needs the file's sha256 with every presigned upload, which a form upload cannot"
                            + " bind: use presign, or multipart");
        }
        Reservation r = reserve(caller, org, request, Optional.empty(), true);
        PostPolicy form = signer.signPostPolicy(
                r.location().incomingArea(),
                r.type(),
                1,
                r.size(),
                policy.expiries().uploadUrl(),
                audience);
        ledger.record(r, caller.subject(), form.expiresAt(), PendingUpload.Transfer.POST);
        return new FormUpload(r.location().key().fileId(), form);
    }

    /**
     * Gateway mode: the client PUTs to the gateway with its bearer token, the gateway asks the
     * {@code GatewayAuthorizer} for the store signature. Nothing is signed here.
     */
    public PresignedUpload reserveForGateway(Caller caller, OrgId org, UploadRequest request, URI gateway) {
        Reservation r = reserve(caller, org, request, Optional.empty(), false);
        Instant expires = keys.clock().instant().plus(policy.expiries().uploadUrl());
        URI url = GatewayPath.url(gateway, org, r.location().key().fileId());
        SignedRequest put = new SignedRequest(
                "PUT", url, Map.of("Content-Type", r.type(), "Content-Length", Long.toString(r.size())), expires);
        SignedRequest get = new SignedRequest("GET", url, Map.of(), expires);
        ledger.record(r, caller.subject(), expires, PendingUpload.Transfer.PUT);
        return new PresignedUpload(r.location().key().fileId(), put, get);
    }

    /** @param upToLimit whether the size is not declared and the reservation is for up to the limit */
    private Reservation reserve(
            Caller caller, OrgId org, UploadRequest request, Optional<String> sha256, boolean upToLimit) {
        access.check(caller, org, Action.UPLOAD);
        if (request.declaredSize().isEmpty() && !upToLimit) {
            throw new PolicyViolation(PolicyViolation.Kind.INVALID_REQUEST, "a direct upload needs the file's size");
        }
        ValidatedUpload upload = policy.check(request.filename(), request.contentType(), request.declaredSize());
        Optional<byte[]> digest = sha256.map(UploadReservations::decodeSha256);
        StorageKey key = keys.next(org, upload.keyExtension());
        ObjectLocation location = new ObjectLocation(tenancy.bucketFor(org), key);
        administration.prepare(location.bucket());
        return new Reservation(
                location,
                upload.fileName().value(),
                upload.contentType().toString(),
                upToLimit ? upload.maxBytes() : request.declaredSize().getAsLong(),
                digest);
    }

    static byte[] decodeSha256(String text) {
        String t = text.strip();
        byte[] bytes;
        try {
            bytes = t.matches("[0-9a-fA-F]{64}")
                    ? HexFormat.of().parseHex(t)
                    : Base64.getDecoder().decode(t);
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new PolicyViolation(
                    PolicyViolation.Kind.INVALID_REQUEST, "sha256 must be 64 hex digits or 44 base64 characters");
        }
        return bytes;
    }
}
