package dev.filegate.domain.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.file.StorageKeyGenerator;
import dev.filegate.domain.policy.UploadPolicy;
import dev.filegate.domain.storage.NewObject;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.tenant.AccessDenied;
import dev.filegate.domain.tenant.AccessPolicy;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.tenant.Role;
import dev.filegate.domain.tenant.TenancyStrategy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DownloadLinksTest {

    private static final OrgId ACME = OrgId.of("acme");

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final RecordingSigner signer = new RecordingSigner();
    private final TenancyStrategy tenancy = Fixtures.SHARED_BUCKET;
    private final UploadPolicy policy = Fixtures.imagesUpTo1MiB();
    private final DownloadLinks links = new DownloadLinks(store, signer, tenancy, policy, new AccessPolicy(false));
    private final Caller reader = new Caller("rita", Optional.of(ACME), Set.of(Role.READER));

    private ObjectLocation stored(String filename) throws IOException {
        ObjectLocation location =
                new ObjectLocation("files", StorageKeyGenerator.systemDefault().next(ACME, "png"));
        store.put(
                location,
                new NewObject("image/png", filename, "alice", OptionalLong.of(3)),
                new ByteArrayInputStream(new byte[3]));
        return location;
    }

    private static String id(ObjectLocation location) {
        return location.key().fileId().value();
    }

    @Test
    void aCompleteFileIsSignedForTheFilesArea() throws IOException {
        ObjectLocation file = stored("cat.png");
        assertTrue(links.redirect(reader, ACME, id(file)).isPresent());
        assertEquals(List.of(file), signer.signedFor);
    }

    @Test
    void aFileNotYetCompletedAnUnknownIdOrNotAnIdGetsNoLink() throws IOException {
        ObjectLocation unsealed = stored(null);
        assertTrue(links.redirect(reader, ACME, id(unsealed)).isEmpty());
        StorageKey absent = StorageKeyGenerator.systemDefault().next(ACME, "png");
        assertTrue(links.redirect(reader, ACME, absent.fileId().value()).isEmpty());
        assertTrue(links.redirect(reader, ACME, "../" + id(stored("cat.png"))).isEmpty());
        assertTrue(links.redirect(reader, ACME, null).isEmpty());
        assertTrue(signer.signedFor.isEmpty());
    }

    @Test
    void anotherTenantGetsNoLinkToTheFile() throws IOException {
        ObjectLocation file = stored("cat.png");
        Caller mallory = new Caller("mallory", Optional.of(OrgId.of("globex")), Set.of(Role.READER));
        assertThrows(AccessDenied.class, () -> links.redirect(mallory, ACME, id(file)));
        assertTrue(links.redirect(mallory, OrgId.of("globex"), id(file)).isEmpty());
        assertTrue(signer.signedFor.isEmpty());
    }
}
