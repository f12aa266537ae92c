package dev.filegate.domain.upload;

import dev.filegate.domain.file.FileId;
import dev.filegate.domain.storage.SignedRequest;

/** What a client needs for a presigned upload: the file's id, the signed PUT, and a signed GET for later. */
public record PresignedUpload(FileId id, SignedRequest put, SignedRequest get) {}
