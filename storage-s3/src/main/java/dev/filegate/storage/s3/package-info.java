/**
 * The S3 adapter: implements the domain's storage ports with the AWS SDK v2 against AWS S3, MinIO, Garage, Ceph RGW
 * or S3Proxy.
 *
 * <p>{@link dev.filegate.storage.s3.S3Storage} makes the three store ports over one client: the data path
 * ({@link dev.filegate.storage.s3.S3ObjectStore}, with its reads, its multipart writer and its copies), the administration
 * port ({@link dev.filegate.storage.s3.S3StoreAdministration}) and the multipart uploads clients send parts to
 * ({@link dev.filegate.storage.s3.S3MultipartUploads}). Their SDK failures become the domain's exceptions in one
 * place ({@code S3Errors}). The ledger of pending uploads (with its own, simpler failure mapping) and the signer
 * (presigned URLs with the SDK, POST policies by hand in {@code S3PostPolicies}) are separate adapters.
 *
 * <p>May contain: SDK clients, request mapping, error translation, and the adapter's own resource discipline (bounded
 * part buffers, timeouts, aborting abandoned transfers and remembering aborts the store refused). Must not contain: policy decisions (they are the
 * domain's), JAX-RS or CDI (wiring happens in the API module), or logging of credentials and signed URLs.
 */
package dev.filegate.storage.s3;
