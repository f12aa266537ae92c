package dev.filegate.domain.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.domain.tenant.OrgId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StorageKeyTest {

    private static final UUID ID = UUID.fromString("0b6c3c1e-4c7e-4f3a-9c0e-1b2d3e4f5a6b");

    private final StorageKeyGenerator keys = new StorageKeyGenerator(
            Clock.fixed(Instant.parse("2026-01-31T23:59:59Z"), ZoneId.of("Pacific/Kiritimati")), () -> ID);

    @Test
    void keyFollowsTheNamespaceInUtc() {
        StorageKey key = keys.next(OrgId.of("acme"), "png");
        assertEquals("orgs/acme/files/2026/01/" + ID + ".png", key.value());
        assertEquals("2026-01-" + ID + ".png", key.fileId().value());
    }

    @Test
    void keyWithoutExtension() {
        assertEquals(
                "orgs/acme/files/2026/01/" + ID, keys.next(OrgId.of("acme"), "").value());
    }

    @Test
    void fileIdAndKeyMapOneToOne() {
        StorageKey key = keys.next(OrgId.of("acme"), "pdf");
        assertEquals(key, StorageKey.of(OrgId.of("acme"), key.fileId()));
    }

    @Test
    void keyOwnership() {
        StorageKey key = keys.next(OrgId.of("acme"), "pdf");
        assertTrue(key.belongsTo(OrgId.of("acme")));
        assertFalse(key.belongsTo(OrgId.of("acme2")));
        assertFalse(key.belongsTo(OrgId.of("globex")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "orgs/acme/files/2026/01/../../../globex/files/2026/01/" + "0b6c3c1e-4c7e-4f3a-9c0e-1b2d3e4f5a6b",
                "orgs/acme/files/2026/13/0b6c3c1e-4c7e-4f3a-9c0e-1b2d3e4f5a6b",
                "orgs/acme/files/x.png",
                "/orgs/acme/files",
                "orgs/Acme/files/2026/01/0b6c3c1e-4c7e-4f3a-9c0e-1b2d3e4f5a6b",
                "orgs/acme/files/2026/01/0b6c3c1e-4c7e-4f3a-9c0e-1b2d3e4f5a6b.PNG"
            })
    void foreignOrTraversingKeysDoNotParse(String text) {
        assertTrue(StorageKey.parse(text).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "..",
                "2026-01-0b6c3c1e-4c7e-4f3a-9c0e-1b2d3e4f5a6b/../x",
                "2026-01-..%2F",
                "2026-1-0b6c3c1e-4c7e-4f3a-9c0e-1b2d3e4f5a6b",
                "2026-01-0B6C3C1E-4C7E-4F3A-9C0E-1B2D3E4F5A6B",
                "2026-01-0b6c3c1e-4c7e-4f3a-9c0e-1b2d3e4f5a6b.p/ng",
                ""
            })
    void hostileFileIdsDoNotParse(String text) {
        assertTrue(FileId.parse(text).isEmpty());
    }
}
