package dev.filegate.domain.upload;

import java.util.OptionalLong;

/** What a client says about a file it wants to store; every field is untrusted until the policy checked it. */
public record UploadRequest(String filename, String contentType, OptionalLong declaredSize) {}
