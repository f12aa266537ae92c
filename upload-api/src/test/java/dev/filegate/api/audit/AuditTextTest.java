package dev.filegate.api.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AuditTextTest {

    @Test
    void identifiersStayAsTheyAre() {
        assertEquals("alice@acme.example", AuditText.word("alice@acme.example"));
        assertEquals("auth0|5f1c:ab+cd-ef_g", AuditText.word("auth0|5f1c:ab+cd-ef_g"));
    }

    @Test
    void nothingBecomesADash() {
        assertEquals("-", AuditText.word(null));
        assertEquals("-", AuditText.word(""));
    }

    @Test
    void spacesEqualsSignsAndLineBreaksCannotForgeAMember() {
        assertEquals("a%20status%3D200%0Aaudit", AuditText.word("a status=200\naudit"));
    }

    @Test
    void nonAsciiIsEncodedByteByByte() {
        assertEquals("%C3%BC", AuditText.word("ü"));
    }

    @Test
    void aLongValueIsCutAndSaysSo() {
        String cut = AuditText.word("x".repeat(1000));
        assertTrue(cut.length() <= 131 && cut.endsWith("..."), cut);
    }
}
