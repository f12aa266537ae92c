/**
 * The storage SPI: ports owned by the domain and implemented by adapters named for their technology.
 *
 * <p>{@link dev.filegate.domain.storage.ObjectStore} moves and describes bytes, one object at a time (the proxy path
 * and every mode's bookkeeping); {@link dev.filegate.domain.storage.StoreAdministration} looks after the store
 * itself: buckets and their set-up, usage, health and deferred clean-up; {@link
 * dev.filegate.domain.storage.MultipartUploads} starts, lists, completes and aborts the multipart uploads whose parts
 * clients send straight to the store. Delegated access (presigned URLs, gateway
 * signatures, multipart and POST-policy uploads) belongs to a separate signer port so that a store and a signer can
 * be combined and decorated independently. Types here carry no AWS, HTTP-framework or container imports.
 */
package dev.filegate.domain.storage;
