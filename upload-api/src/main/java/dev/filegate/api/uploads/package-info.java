/**
 * Uploads straight to the store in the protocol Uppy's AWS S3 plugin speaks (Companion's {@code /s3/...} routes),
 * under {@code /orgs/{org}/uploads/s3}, in presigned mode: a signed form (POST policy) for one-request uploads,
 * and resumable multipart uploads signed part by part. Unlike Companion, every route authenticates the caller, stays
 * in its tenant and user, and holds the size limit; the domain's {@code ResumableUploads} and {@code
 * UploadReservations} do the work. The README's "Uppy-compatible routes" section is the compatibility contract.
 *
 * <p>Member names are the protocol's ({@code uploadId}, {@code PartNumber}, {@code ETag}), not this API's snake_case;
 * members this API adds ({@code file_id}, {@code complete_url}, {@code file}) are snake_case.
 */
package dev.filegate.api.uploads;
