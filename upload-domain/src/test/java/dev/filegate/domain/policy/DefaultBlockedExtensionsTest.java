package dev.filegate.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DefaultBlockedExtensionsTest {

    @Test
    void theListsHoldTheDocumentedNumberOfEntries() {
        assertEquals(203, DefaultBlockedExtensions.ANYWHERE.size()); // the README's count
        assertEquals(18, DefaultBlockedExtensions.LAST.size());
    }

    @Test
    void thePublicConstantsAreTheseLists() {
        assertEquals(DefaultBlockedExtensions.ANYWHERE, FilenameRules.DEFAULT_BLOCKED_EXTENSIONS);
        assertEquals(DefaultBlockedExtensions.LAST, FilenameRules.DEFAULT_BLOCKED_LAST_EXTENSIONS);
    }

    @Test
    void everyEntryIsWrittenAsTheSegmentItMatches() {
        Set<String> all = new HashSet<>(DefaultBlockedExtensions.ANYWHERE);
        all.addAll(DefaultBlockedExtensions.LAST);
        for (String extension : all) {
            assertTrue(extension.matches("[a-z0-9]+(-[a-z0-9]+)?"), extension);
            assertEquals(extension, NameView.segment(NameView.fold(extension)));
        }
    }

    @Test
    void anExtensionIsBlockedEitherAnywhereOrLastNeverBoth() {
        Set<String> both = new HashSet<>(DefaultBlockedExtensions.ANYWHERE);
        both.retainAll(DefaultBlockedExtensions.LAST);
        assertEquals(Set.of(), both);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "html", "htm", "svg", "xml", "mht", "zip", "gz", "tar", "cab", "iso", "img", "vhd", "vhdx", "dmg",
                "bin", "elf", "ko", "cer", "crt", "der", "pst", "tmp", "mat", "docm", "xlsm", "accdb", "accdt",
                "bundle", "one"
            })
    void whatTheListSaysIsLeftOffOnPurposeIsNotListed(String extension) {
        assertFalse(DefaultBlockedExtensions.ANYWHERE.contains(extension));
        assertFalse(DefaultBlockedExtensions.LAST.contains(extension));
    }
}
