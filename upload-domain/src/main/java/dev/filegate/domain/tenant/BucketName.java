package dev.filegate.domain.tenant;

import java.util.regex.Pattern;

/** The S3 bucket naming rules (the strict, DNS-compatible ones every S3-compatible store accepts). */
public final class BucketName {

    private static final Pattern RULE = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");

    private BucketName() {}

    public static boolean isValid(String name) {
        return name != null
                && RULE.matcher(name).matches()
                && !name.contains("..")
                && !name.contains(".-")
                && !name.contains("-.")
                && !IP.matcher(name).matches()
                && !name.startsWith("xn--")
                && !name.endsWith("-s3alias")
                && !name.endsWith("--ol-s3");
    }

    public static String require(String name, String what) {
        if (!isValid(name)) {
            throw new IllegalArgumentException(what + " '" + name + "' is not a valid S3 bucket name");
        }
        return name;
    }
}
