/**
 * The use cases, one class each, through the ports only: {@code FileService} (proxy upload, list, read, describe,
 * delete), {@code UploadReservations} (presigned and gateway uploads reserved and signed), {@code UploadCompletion}
 * (what arrived in the incoming area checked and sealed into the files area), {@code ResumableUploads} (multipart
 * uploads in parts straight to the store, the protocol Uppy speaks), {@code DownloadLinks} (signed redirect
 * downloads) and the {@code PendingUploadSweeper}. Every use case checks the tenant boundary first and the upload
 * policy before any byte is stored.
 *
 * <p>What they share lives in one place each: {@code CompletedFiles} (where a file id lives and what "complete"
 * means), the {@code UploadLedger} (the pending-upload entries' life), {@code ArrivedContent} (the checks a
 * client's bytes pass before they become a file). {@code FileNotFound} and
 * {@code ModeDisabled} say that something is absent, not that a rule was broken ({@code PolicyViolation}).
 */
package dev.filegate.domain.upload;
