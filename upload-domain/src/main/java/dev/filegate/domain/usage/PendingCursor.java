package dev.filegate.domain.usage;

import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.policy.PolicyViolation;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A place in the newest-first order of pending uploads: a creation time, and for uploads created at the same instant
 * a tie-break derived from the key by SHA-256, which names no key or file id. As a cursor (opaque base64url) it stays
 * valid across snapshots: the next page starts after the same place in whichever snapshot answers it.
 */
record PendingCursor(Instant createdAt, long tiebreak) {

    /** Newest first; equal times by tie-break. */
    static final Comparator<PendingCursor> NEWEST_FIRST =
            Comparator.comparing(PendingCursor::createdAt).reversed().thenComparingLong(PendingCursor::tiebreak);

    /** The longest cursor accepted (what this service hands out is about 50 characters). */
    private static final int MAX_LENGTH = 128;

    private static final Pattern WIRE = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");
    private static final Pattern DECODED = Pattern.compile("(-?[0-9]{1,19})\\.([0-9]{1,9})\\.([0-9a-f]{16})");

    /** Where the upload of {@code key}, created at {@code createdAt}, stands. */
    static PendingCursor of(Instant createdAt, StorageKey key) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(key.value().getBytes(StandardCharsets.UTF_8));
            return new PendingCursor(createdAt, ByteBuffer.wrap(digest).getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The opaque form handed to clients as {@code next_cursor}. */
    String encode() {
        String text = createdAt.getEpochSecond() + "." + createdAt.getNano() + "."
                + HexFormat.of().toHexDigits(tiebreak);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * A cursor this service handed out, or {@code null} for none (the first page).
     *
     * @throws PolicyViolation for anything else (400): it never reaches a listing
     */
    static PendingCursor decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        if (WIRE.matcher(cursor).matches()) {
            try {
                Matcher m =
                        DECODED.matcher(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
                if (m.matches()) {
                    return new PendingCursor(
                            Instant.ofEpochSecond(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))),
                            HexFormat.fromHexDigitsToLong(m.group(3)));
                }
            } catch (IllegalArgumentException | DateTimeException e) {
                // falls through to the refusal (NumberFormatException is an IllegalArgumentException)
            }
        }
        throw new PolicyViolation(
                PolicyViolation.Kind.INVALID_REQUEST,
                "cursor must be a next_cursor value from a previous page of this listing");
    }
}
