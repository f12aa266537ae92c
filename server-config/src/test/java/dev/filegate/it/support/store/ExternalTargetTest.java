package dev.filegate.it.support.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The variables that point the suites at someone else's store, and the bucket names a run takes there. */
class ExternalTargetTest {

    /** S3's rule for bucket names (the strict one AWS applies to new buckets). */
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private static Map<String, String> minimal() {
        Map<String, String> env = new HashMap<>();
        env.put(ExternalTarget.ENDPOINT, "https://s3.eu-west-1.amazonaws.com");
        env.put(ExternalTarget.ACCESS_KEY, "AKIAEXAMPLE");
        env.put(ExternalTarget.SECRET_KEY, "secret/with+signs");
        return env;
    }

    @Test
    void theThreeRequiredVariablesAreEnoughAndTheRestHasDefaults() {
        ExternalTarget target = ExternalTarget.from(minimal(), "0a1b2c3d");

        assertEquals(URI.create("https://s3.eu-west-1.amazonaws.com"), target.endpoint());
        assertEquals("us-east-1", target.region());
        assertTrue(target.pathStyle());
        assertEquals(Optional.empty(), target.otherName(), "a store with one name");
        assertEquals("fgit-0a1b2c3d-filegate-it", target.bucket(StoreTarget.SHARED_BUCKET));
        assertTrue(target.takesBucketCors(), "the service puts its CORS rule, as on AWS");
    }

    @Test
    void everyMissingOrMalformedVariableIsNamedAtOnce() {
        IllegalArgumentException none =
                assertThrows(IllegalArgumentException.class, () -> ExternalTarget.from(Map.of(), "0a1b2c3d"));
        for (String name :
                new String[] {ExternalTarget.ENDPOINT, ExternalTarget.ACCESS_KEY, ExternalTarget.SECRET_KEY}) {
            assertTrue(none.getMessage().contains(name + " is not set"), none.getMessage());
        }

        Map<String, String> bad = minimal();
        bad.put(ExternalTarget.ENDPOINT, "s3.example.com:9000");
        bad.put(ExternalTarget.BUCKET_PREFIX, "Team_A-");
        bad.put(ExternalTarget.PATH_STYLE, "yes");
        bad.put(ExternalTarget.SECRET_KEY, "two words");
        bad.put(ExternalTarget.CORS, "none");
        String message = assertThrows(IllegalArgumentException.class, () -> ExternalTarget.from(bad, "0a1b2c3d"))
                .getMessage();
        for (String name : new String[] {
            ExternalTarget.ENDPOINT,
            ExternalTarget.BUCKET_PREFIX,
            ExternalTarget.PATH_STYLE,
            ExternalTarget.SECRET_KEY,
            ExternalTarget.CORS
        }) {
            assertTrue(message.contains(name), message);
        }
        assertFalse(message.contains("two words"), "no secret in the message");
    }

    @Test
    void theRunsBucketsAreValidS3NamesForTheLongestPrefixAndTenant() {
        Map<String, String> env = minimal();
        env.put(ExternalTarget.BUCKET_PREFIX, "a".repeat(ExternalTarget.MAX_PREFIX - 1) + "-");
        ExternalTarget target = ExternalTarget.from(env, "0a1b2c3d");
        String longestOrg =
                "o".repeat(63 - target.bucket(StoreTarget.TENANT_BUCKETS).length());

        for (String bucket : new String[] {
            target.bucket(StoreTarget.SHARED_BUCKET), target.bucket(StoreTarget.TENANT_BUCKETS) + longestOrg
        }) {
            assertTrue(BUCKET_NAME.matcher(bucket).matches(), bucket);
        }
        assertTrue(longestOrg.length() >= 20, "room for the suites' org names: " + longestOrg.length());
    }

    @Test
    void aLoopbackStoreHasTwoNamesAndAnExplicitPublicEndpointWins() {
        Map<String, String> env = minimal();
        env.put(ExternalTarget.ENDPOINT, "http://127.0.0.1:9400");
        assertEquals(
                Optional.of(URI.create("http://localhost:9400")),
                ExternalTarget.from(env, "0a1b2c3d").otherName());

        env.put(ExternalTarget.PUBLIC_ENDPOINT, "https://files.example.com");
        assertEquals(
                Optional.of(URI.create("https://files.example.com")),
                ExternalTarget.from(env, "0a1b2c3d").otherName());
    }
}
