package dev.filegate.api.audit;

import java.nio.charset.StandardCharsets;

/** Makes any text one safe word of an audit line: letters, digits and {@code @._:|+-} kept, the rest %-encoded. */
final class AuditText {

    static final String NONE = "-";
    private static final int MAX_CHARS = 128;

    private AuditText() {}

    static String word(String text) {
        if (text == null || text.isEmpty()) {
            return NONE;
        }
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "@._:|+-".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xf, 16)));
                out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
            if (out.length() >= MAX_CHARS) {
                return out.substring(0, MAX_CHARS) + "...";
            }
        }
        return out.toString();
    }
}
