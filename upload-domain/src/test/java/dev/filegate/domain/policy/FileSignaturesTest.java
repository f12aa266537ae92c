package dev.filegate.domain.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileSignaturesTest {

    private static boolean ok(String type, byte[] head) {
        return FileSignatures.matches(MediaType.parse(type), head);
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void realSignaturesMatch() {
        assertTrue(ok("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0}));
        assertTrue(ok("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}));
        assertTrue(ok("application/pdf", text("%PDF-1.7\n")));
        assertTrue(ok("image/gif", text("GIF89a....")));
        assertTrue(ok("image/webp", text("RIFF\0\0\0\0WEBPVP8 ")));
    }

    @Test
    void pngDeclaredHtml() {
        assertFalse(ok("image/png", text("<!DOCTYPE html><script>alert(1)</script>")));
    }

    @Test
    void pdfDeclaredSvgWithLeadingWhitespaceAndBom() {
        assertFalse(ok("application/pdf", text("\uFEFF  \n<svg onload=alert(1)>")));
    }

    @Test
    void jpegDeclaredPng() {
        assertFalse(ok("image/png", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}));
    }

    @Test
    void textWithNulBytesIsNotText() {
        assertFalse(ok("text/plain", new byte[] {'a', 0, 'b'}));
        assertTrue(ok("text/plain", text("<html> in a text file is just text")));
    }

    @Test
    void typesWithoutSignatureAndEmptyFilesPass() {
        assertTrue(ok("application/octet-stream", new byte[] {1, 2, 3}));
        assertTrue(ok("image/png", new byte[0]));
    }
}
