package dev.filegate.domain.storage;

/**
 * A conditional store call found another object than the one it named by entity tag (or none at all): a copy
 * ({@link ObjectStore#copy}) copied nothing, a read ({@link ReadConditions#ifMatch()}) read nothing. Someone wrote or
 * deleted the object since it was described; the caller decides whether to look again. Messages carry no entity
 * tags and no keys.
 */
public final class ObjectChanged extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ObjectChanged(String message) {
        super(message, null, false, false);
    }

    /**
     * Whether two entity tags name the same object version, as S3 compares them for {@code If-Match}: strong
     * comparison, the surrounding quotes optional on either side.
     */
    public static boolean sameTag(String a, String b) {
        return a != null && b != null && unquoted(a).equals(unquoted(b));
    }

    private static String unquoted(String tag) {
        String t = tag.strip();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
