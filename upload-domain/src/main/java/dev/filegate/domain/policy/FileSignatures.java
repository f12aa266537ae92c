package dev.filegate.domain.policy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Checks the first bytes of a file against its declared type for the types that have a signature ("magic
 * bytes"), and keeps markup out of files declared as something else. Types without a signature pass, except that
 * text must not contain NUL bytes.
 */
public final class FileSignatures {

    /** How many leading bytes the check needs. */
    public static final int HEAD_BYTES = 512;

    private FileSignatures() {}

    /**
     * @throws PolicyViolation {@code TYPE_MISMATCH} when the bytes contradict the type
     */
    public static void check(MediaType type, byte[] head) {
        if (!matches(type, head)) {
            throw new PolicyViolation(
                    PolicyViolation.Kind.TYPE_MISMATCH, "the file's content does not match its declared type " + type);
        }
    }

    public static boolean matches(MediaType type, byte[] head) {
        if (head.length == 0) {
            return true; // an empty file has no content to contradict its type
        }
        String t = type.toString();
        boolean markupAllowed = t.equals("text/html")
                || t.equals("image/svg+xml")
                || t.endsWith("/xml")
                || t.endsWith("+xml")
                || t.equals("text/plain")
                || t.equals("text/csv")
                || t.equals("text/markdown")
                || t.equals("application/json")
                || t.equals(MediaType.OCTET_STREAM.toString());
        if (!markupAllowed && looksLikeMarkup(head)) {
            return false;
        }
        return switch (t) {
            case "image/png" -> starts(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
            case "image/jpeg" -> starts(head, 0xFF, 0xD8, 0xFF);
            case "image/gif" -> ascii(head, 0, "GIF87a") || ascii(head, 0, "GIF89a");
            case "image/webp" -> ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP");
            case "image/bmp" -> ascii(head, 0, "BM");
            case "image/tiff" -> starts(head, 'I', 'I', 0x2A, 0x00) || starts(head, 'M', 'M', 0x00, 0x2A);
            case "image/avif", "image/heic", "video/mp4" -> ascii(head, 4, "ftyp");
            case "image/vnd.microsoft.icon", "image/x-icon" -> starts(head, 0x00, 0x00, 0x01, 0x00);
            case "application/pdf" -> ascii(head, 0, "%PDF-");
            case "application/zip",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                    "application/vnd.oasis.opendocument.text" ->
                starts(head, 'P', 'K', 0x03, 0x04) || starts(head, 'P', 'K', 0x05, 0x06);
            case "application/gzip" -> starts(head, 0x1F, 0x8B);
            case "audio/mpeg" ->
                ascii(head, 0, "ID3") || head.length > 1 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0;
            case "video/webm" -> starts(head, 0x1A, 0x45, 0xDF, 0xA3);
            default -> !type.type().equals("text") || noNul(head);
        };
    }

    private static boolean looksLikeMarkup(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, HEAD_BYTES), StandardCharsets.ISO_8859_1)
                .replace("\u00EF\u00BB\u00BF", "")
                .stripLeading()
                .toLowerCase(Locale.ROOT);
        return text.startsWith("<!doctype")
                || text.startsWith("<html")
                || text.startsWith("<script")
                || text.startsWith("<svg")
                || text.startsWith("<?xml")
                || text.startsWith("<body")
                || text.startsWith("<head")
                || text.startsWith("<iframe");
    }

    private static boolean noNul(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean starts(byte[] head, int... expected) {
        if (head.length < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((head[i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] head, int offset, String expected) {
        byte[] e = expected.getBytes(StandardCharsets.US_ASCII);
        return head.length >= offset + e.length && Arrays.equals(head, offset, offset + e.length, e, 0, e.length);
    }
}
