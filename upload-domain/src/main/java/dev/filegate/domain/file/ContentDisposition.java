package dev.filegate.domain.file;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} with an ASCII fallback name and the exact UTF-8 name in RFC 5987/6266
 * {@code filename*} form, so that no filename can inject header syntax or be rendered inline.
 */
public final class ContentDisposition {

    private ContentDisposition() {}

    public static String attachment(String filename) {
        StringBuilder ascii = new StringBuilder();
        for (char c : filename.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';' && c != '%' ? c : '_');
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encode(filename);
    }

    /** RFC 5987 attr-char percent-encoding. */
    public static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
