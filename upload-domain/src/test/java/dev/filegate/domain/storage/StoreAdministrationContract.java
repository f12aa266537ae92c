package dev.filegate.domain.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.domain.file.FileId;
import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.tenant.OrgId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StoreAdministration} does, run against each implementation together with the {@link ObjectStore}
 * it administers (a subclass supplies both over one fresh, empty store per test).
 */
public abstract class StoreAdministrationContract {

    protected static final String BUCKET = "contract-admin";
    protected static final String MISSING_BUCKET = "contract-nowhere";

    /** Both ports over one store. */
    public record Stores(ObjectStore objects, StoreAdministration administration) {}

    private Stores stores;

    /** A fresh, empty store; called before each test. */
    protected abstract Stores newStores() throws Exception;

    /** A body length the store writes in several pieces when it arrives without one (S3: more than two parts). */
    protected int severalPieces() {
        return 11 * 1024 * 1024;
    }

    @BeforeEach
    final void freshStores() throws Exception {
        stores = newStores();
    }

    private void put(String org, int n, int size) throws IOException {
        ObjectLocation at = new ObjectLocation(
                BUCKET,
                StorageKey.of(
                        OrgId.of(org), new FileId(String.format("2026-02-00000000-0000-4000-8000-%012d.bin", n))));
        stores.objects()
                .put(
                        at,
                        new NewObject("application/octet-stream", "f.bin", "alice", OptionalLong.of(size)),
                        new ByteArrayInputStream(new byte[size]));
    }

    @Test
    void aPreparedBucketIsAmongTheBucketsAndPreparingAgainIsHarmless() {
        stores.administration().prepare(BUCKET);
        stores.administration().prepare(BUCKET);
        assertTrue(
                stores.administration().buckets().contains(BUCKET),
                stores.administration().buckets().toString());
    }

    @Test
    void usageCountsTheObjectsAndBytesUnderAPrefix() throws IOException {
        put("acme", 1, 10);
        put("acme", 2, 32);
        put("globex", 3, 5);
        assertEquals(
                new StoreAdministration.Usage(2, 42), stores.administration().usage(BUCKET, "orgs/acme/files/"));
        assertEquals(
                new StoreAdministration.Usage(3, 47), stores.administration().usage(BUCKET, "orgs/"));
        assertEquals(
                new StoreAdministration.Usage(0, 0), stores.administration().usage(BUCKET, "orgs/initech/"));
    }

    @Test
    void aBucketThatDoesNotExistHoldsNothing() {
        assertEquals(
                new StoreAdministration.Usage(0, 0), stores.administration().usage(MISSING_BUCKET, "orgs/"));
        assertEquals(List.of(), stores.administration().childPrefixes(MISSING_BUCKET, "orgs/"));
    }

    @Test
    void childPrefixesAreTheImmediateSubPrefixesInOrder() throws IOException {
        put("globex", 1, 1);
        put("acme", 2, 1);
        put("acme", 3, 1);
        assertEquals(
                List.of("orgs/acme/", "orgs/globex/"), stores.administration().childPrefixes(BUCKET, "orgs/"));
    }

    @Test
    void theStoreIsHealthyWhetherTheBucketIsThereOrNot() throws IOException {
        put("acme", 1, 1);
        assertTrue(stores.administration().health(BUCKET).up());
        assertTrue(stores.administration().health(MISSING_BUCKET).up(), "a missing bucket proves the store reachable");
    }

    @Test
    void noCleanUpIsOwedAfterAWriteOfSeveralPiecesFailedWhileTheStoreWasUp() throws IOException {
        put("acme", 1, 1);
        InputStream failing = new InputStream() {
            private long left = severalPieces();

            @Override
            public int read() throws IOException {
                if (left-- == 0) {
                    throw new IOException("the client hung up");
                }
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left == 0) {
                    throw new IOException("the client hung up");
                }
                int n = (int) Math.min(len, left);
                left -= n;
                return n;
            }
        };
        ObjectLocation at = new ObjectLocation(
                BUCKET, StorageKey.of(OrgId.of("acme"), new FileId("2026-02-00000000-0000-4000-8000-000000000009")));
        try {
            stores.objects()
                    .put(
                            at,
                            new NewObject("application/octet-stream", "f.bin", "alice", OptionalLong.empty()),
                            failing);
        } catch (IOException | RuntimeException expected) {
            // the write fails; what matters is what it leaves
        }
        assertEquals(0, stores.administration().finishCleanup());
    }
}
