package dev.filegate.domain.policy;

/**
 * An upload request that passed the policy: the checked name, the type, the extension its key will carry, and the
 * most bytes that may be stored for it.
 */
public record ValidatedUpload(FileName fileName, MediaType contentType, String keyExtension, long maxBytes) {}
