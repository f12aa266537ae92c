package dev.filegate.testkit.store;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Store credentials made up for one run: nobody else knows them, and they are gone with the store. */
record Credentials(String accessKey, String secretKey) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static Credentials random() {
        return new Credentials("kit-" + hex(6), hex(20));
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
