package dev.filegate.storage.s3;

import dev.filegate.domain.storage.ObjectChanged;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.ObjectRead;
import dev.filegate.domain.storage.ReadConditions;
import dev.filegate.domain.storage.StoredObject;
import dev.filegate.domain.tenant.OrgId;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Reads of one object: HEAD, and GET with a range, {@code If-None-Match} and {@code If-Match} (a 412 is {@link
 * ObjectChanged}). A GET holds one of its tenant's transfer shares until its body is closed; a body closed early
 * aborts its store connection.
 */
final class S3ObjectReads {

    private final S3Client s3;
    private final Consumer<AwsRequestOverrideConfiguration.Builder> bounded;
    private final TenantShares transfers;

    S3ObjectReads(S3Client s3, Consumer<AwsRequestOverrideConfiguration.Builder> bounded, TenantShares transfers) {
        this.s3 = s3;
        this.bounded = bounded;
        this.transfers = transfers;
    }

    /** @param what what the caller is doing, for the failure it may cause */
    Optional<StoredObject> head(ObjectLocation location, String what) {
        return S3Errors.call(
                what,
                () -> {
                    HeadObjectResponse r = s3.headObject(b -> b.bucket(location.bucket())
                            .key(location.objectKey())
                            .overrideConfiguration(bounded));
                    return Optional.of(StoredObjects.described(
                            location.key(),
                            r.contentLength(),
                            r.contentType(),
                            r.eTag(),
                            r.lastModified(),
                            r.metadata()));
                },
                S3Errors::notFound,
                Optional::empty);
    }

    ObjectRead get(ObjectLocation location, ReadConditions conditions) {
        OrgId tenant = location.key().org();
        transfers.acquire(tenant);
        ObjectRead read;
        try {
            read = fetch(location, conditions);
        } catch (RuntimeException e) {
            transfers.release(tenant);
            throw e;
        }
        if (read instanceof ObjectRead.Content c) {
            return new ObjectRead.Content(
                    c.object(),
                    c.contentLength(),
                    c.contentRange(),
                    new ReleaseOnClose(c.body(), () -> transfers.release(tenant)));
        }
        transfers.release(tenant);
        return read;
    }

    private ObjectRead fetch(ObjectLocation location, ReadConditions conditions) {
        GetObjectRequest.Builder request =
                GetObjectRequest.builder().bucket(location.bucket()).key(location.objectKey());
        conditions.range().ifPresent(r -> request.range(r.toHeader()));
        conditions.ifNoneMatch().ifPresent(request::ifNoneMatch);
        conditions.ifMatch().ifPresent(request::ifMatch);
        try {
            // No SDK read timer (Duration.ZERO): the caller reads at once or closes (AbortOnEarlyClose aborts). The
            // SDK's timer queues a task per read on a static scheduler whose thread then keeps this application's
            // class loader alive for up to two minutes after an undeploy.
            ResponseInputStream<GetObjectResponse> stream =
                    s3.getObject(request.build(), ResponseTransformer.toInputStream(Duration.ZERO));
            GetObjectResponse r = stream.response();
            if (conditions.ifMatch().isPresent()
                    && !ObjectChanged.sameTag(r.eTag(), conditions.ifMatch().get())) {
                // A store that ignores If-Match: its answer says which object it sent, and it is not the one named.
                stream.abort();
                throw new ObjectChanged("the object to read is not the one named");
            }
            StoredObject stored = StoredObjects.described(
                    location.key(),
                    StoredObjects.totalSize(r),
                    r.contentType(),
                    r.eTag(),
                    r.lastModified(),
                    r.metadata());
            return new ObjectRead.Content(stored, r.contentLength(), r.contentRange(), new AbortOnEarlyClose(stream));
        } catch (SdkException e) {
            if (S3Errors.notFound(e)) {
                return new ObjectRead.Missing();
            }
            return switch (S3Errors.status(e)) {
                case 304 -> new ObjectRead.NotModified(conditions.ifNoneMatch().orElse(null));
                case 412 -> throw new ObjectChanged("the object to read is not the one named");
                case 416 ->
                    head(location, "reading object metadata")
                            .<ObjectRead>map(o -> new ObjectRead.RangeNotSatisfiable(o.size()))
                            .orElseGet(ObjectRead.Missing::new);
                default -> throw S3Errors.translate("reading an object", e);
            };
        }
    }
}
