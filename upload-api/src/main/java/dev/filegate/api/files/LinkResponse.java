package dev.filegate.api.files;

/**
 * Where to fetch a file in the active download mode, for clients that cannot follow a redirect with their token.
 *
 * @param expiresAt when a signed URL stops working; absent for URLs that take the caller's token
 * @param authorization {@code bearer} when the URL needs the caller's token
 */
public record LinkResponse(String url, String expiresAt, String authorization) {}
