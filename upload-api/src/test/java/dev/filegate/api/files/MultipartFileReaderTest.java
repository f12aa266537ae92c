package dev.filegate.api.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.filegate.domain.policy.PolicyViolation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hostile multipart bodies: the reader finds exactly one well-formed {@code file} part or refuses the body. */
class MultipartFileReaderTest {

    private static final String BOUNDARY = "----filegateB0undary";
    private static final String TYPE = "multipart/form-data; boundary=" + BOUNDARY;
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3};

    /** A part: its header lines and body. */
    private static byte[] part(String headers, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] field(String name, String value) {
        return part("Content-Disposition: form-data; name=\"" + name + "\"", value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] file(String disposition, byte[] body) {
        return part("Content-Disposition: " + disposition + "\r\nContent-Type: image/png", body);
    }

    private static byte[] body(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static MultipartFileReader.FilePart open(String contentType, byte[] body) throws IOException {
        return MultipartFileReader.open(contentType, new ByteArrayInputStream(body));
    }

    private static byte[] read(MultipartFileReader.FilePart part) throws IOException {
        try (InputStream in = part.body()) {
            return in.readAllBytes();
        }
    }

    private static PolicyViolation refused(String contentType, byte[] body) {
        return assertThrows(PolicyViolation.class, () -> open(contentType, body));
    }

    private static void assertInvalid(String contentType, byte[] body) {
        assertEquals(
                PolicyViolation.Kind.INVALID_REQUEST, refused(contentType, body).kind());
    }

    @Test
    void theFilePartIsFoundAfterOtherFieldsAndStreamedExactly() throws IOException {
        MultipartFileReader.FilePart part = open(
                TYPE,
                body(
                        field("note", "hello"),
                        field("other", ""),
                        file("form-data; name=\"file\"; filename=\"a.png\"", PNG)));
        assertEquals("a.png", part.filename());
        assertEquals("image/png", part.contentType());
        assertArrayEquals(PNG, read(part));
    }

    @Test
    void theFileBytesMayContainAnythingButTheDelimiterItself() throws IOException {
        // a CRLF, dashes and most of the boundary, and the whole boundary without the CRLF before it
        byte[] tricky = ("\r\n--" + BOUNDARY.substring(0, 10) + "\r\nx--" + BOUNDARY + "\r\n").getBytes();
        MultipartFileReader.FilePart part =
                open(TYPE, body(file("form-data; name=\"file\"; filename=\"a.png\"", tricky)));
        assertArrayEquals(tricky, read(part));
    }

    @Test
    void aBodyWithoutAFilePartIsRefused() {
        assertInvalid(TYPE, body(field("note", "hello")));
        assertInvalid(TYPE, body());
        assertInvalid(TYPE, new byte[0]);
        assertInvalid(TYPE, body(file("form-data; name=\"File\"; filename=\"a.png\"", PNG)));
        assertInvalid(TYPE, body(file("form-data; name=\"files\"; filename=\"a.png\"", PNG)));
        assertInvalid(TYPE, body(file("form-data; name=\"file[]\"; filename=\"a.png\"", PNG)));
        assertInvalid(TYPE, body(file("form-data; name=\" file\"; filename=\"a.png\"", PNG)));
        assertInvalid(TYPE, body(part("Content-Type: image/png", PNG)));
    }

    @Test
    void aFilePartWithoutAFilenameIsRefused() {
        PolicyViolation e = refused(TYPE, body(file("form-data; name=\"file\"", PNG)));
        assertEquals("the file part carries no filename", e.getMessage());
    }

    @Test
    void aSecondFileFieldIsNeverReadAsTheFile() throws IOException {
        byte[] second = "<html><script>alert(1)</script>".getBytes();
        MultipartFileReader.FilePart part = open(
                TYPE,
                body(
                        file("form-data; name=\"file\"; filename=\"a.png\"", PNG),
                        file("form-data; name=\"file\"; filename=\"b.html\"", second)));
        assertEquals("a.png", part.filename());
        assertArrayEquals(PNG, read(part), "the first file part, exactly, and nothing of the second");
    }

    @Test
    void aMissingOrMalformedBoundaryIsRefused() {
        byte[] ok = body(file("form-data; name=\"file\"; filename=\"a.png\"", PNG));
        for (String type : new String[] {
            null,
            "",
            "multipart/form-data",
            "multipart/form-data; boundary=",
            "multipart/form-data; boundary=\"\"",
            "multipart/form-data; boundary=\"" + BOUNDARY,
            "multipart/form-data; boundary=" + BOUNDARY + "x".repeat(71 - BOUNDARY.length()),
        }) {
            assertEquals(
                    PolicyViolation.Kind.INVALID_REQUEST,
                    assertThrows(PolicyViolation.class, () -> open(type, ok), String.valueOf(type))
                            .kind(),
                    String.valueOf(type));
        }
    }

    @Test
    void aBoundaryIsTakenOnlyFromTheBoundaryParameter() throws IOException {
        byte[] ok = body(file("form-data; name=\"file\"; filename=\"a.png\"", PNG));
        assertArrayEquals(PNG, read(open("multipart/form-data; boundary=\"" + BOUNDARY + "\"", ok)));
        assertArrayEquals(PNG, read(open("multipart/form-data; BOUNDARY=" + BOUNDARY, ok)));
        assertArrayEquals(PNG, read(open("multipart/form-data; charset=utf-8; boundary=" + BOUNDARY, ok)));
        assertArrayEquals(PNG, read(open("multipart/form-data; xboundary=other; boundary=" + BOUNDARY, ok)));
        assertArrayEquals(PNG, read(open("multipart/form-data; x=\"boundary=other\"; boundary=" + BOUNDARY, ok)));
        assertInvalid("multipart/form-data; boundary=" + BOUNDARY + "; boundary=other", ok);
    }

    @Test
    void aBodyDelimitedByAnotherBoundaryThanDeclaredHasNoFilePart() {
        byte[] ok = body(file("form-data; name=\"file\"; filename=\"a.png\"", PNG));
        assertInvalid("multipart/form-data; boundary=other", ok);
        assertInvalid("multipart/form-data; boundary=" + BOUNDARY.substring(0, BOUNDARY.length() - 1) + "X", ok);
    }

    @Test
    void overlongPartHeadersAreRefused() throws IOException {
        String padding = "X-Padding: " + "a".repeat(9 * 1024);
        assertInvalid(TYPE, body(part("Content-Disposition: form-data; name=\"note\"\r\n" + padding, new byte[0])));
        assertInvalid(
                TYPE,
                body(part("Content-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n" + padding, PNG)));
        String longName = "n".repeat(9 * 1024) + ".png";
        assertInvalid(TYPE, body(file("form-data; name=\"file\"; filename=\"" + longName + "\"", PNG)));
        String within = "X-Padding: " + "a".repeat(4 * 1024);
        MultipartFileReader.FilePart part = open(
                TYPE,
                body(part("Content-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n" + within, PNG)));
        assertArrayEquals(PNG, read(part), "headers within the bound are fine");
    }

    @Test
    void filenameStarIsDecodedAsUtf8AndPreferredOverFilename() throws IOException {
        String both = "form-data; name=\"file\"; filename=\"fallback.png\"; filename*=UTF-8''Gr%C3%BC%C3%9Fe.png";
        assertEquals("Gr\u00fc\u00dfe.png", open(TYPE, body(file(both, PNG))).filename());
        String lower = "form-data; name=\"file\"; filename*=utf-8''a%20b.png";
        assertEquals("a b.png", open(TYPE, body(file(lower, PNG))).filename());
        String plus = "form-data; name=\"file\"; filename*=UTF-8''a+b.png";
        assertEquals("a+b.png", open(TYPE, body(file(plus, PNG))).filename(), "a plus is a plus, not a space");
        String slash = "form-data; name=\"file\"; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd";
        assertEquals(
                "../../etc/passwd",
                open(TYPE, body(file(slash, PNG))).filename(),
                "decoded as sent: the upload policy's filename rules judge it, the key never contains it");
        String raw = "form-data; name=\"file\"; filename=\"Gr\u00fc\u00dfe.png\"";
        assertEquals("Gr\u00fc\u00dfe.png", open(TYPE, body(file(raw, PNG))).filename(), "raw UTF-8, as browsers send");
    }

    @Test
    void filenameStarInAnotherCharsetOrWithALanguageFallsBackToFilename() throws IOException {
        String latin1 = "form-data; name=\"file\"; filename=\"plain.png\"; filename*=ISO-8859-1''Gr%FC%DFe.png";
        assertEquals("plain.png", open(TYPE, body(file(latin1, PNG))).filename());
        String language = "form-data; name=\"file\"; filename=\"plain.png\"; filename*=UTF-8'de'Gr%C3%BC%C3%9Fe.png";
        assertEquals("plain.png", open(TYPE, body(file(language, PNG))).filename());
        assertEquals(
                "the file part carries no filename",
                refused(TYPE, body(file("form-data; name=\"file\"; filename*=ISO-8859-1''a.png", PNG)))
                        .getMessage());
    }

    @Test
    void badPercentEncodingInFilenameStarIsRefused() {
        for (String bad : List.of("a%zz.png", "a%.png", "a%2.png")) {
            assertInvalid(TYPE, body(file("form-data; name=\"file\"; filename*=UTF-8''" + bad, PNG)));
        }
    }

    @Test
    void quotedFilenamesKeepTheirEscapedQuotesAndSemicolons() throws IOException {
        String escaped = "form-data; name=\"file\"; filename=\"a\\\"b;c.png\"";
        assertEquals("a\"b;c.png", open(TYPE, body(file(escaped, PNG))).filename());
        String unquoted = "form-data; name=file; filename=a.png";
        assertEquals("a.png", open(TYPE, body(file(unquoted, PNG))).filename());
        String shouting = "form-data; NAME=\"file\"; FileName=\"a.png\"";
        assertEquals("a.png", open(TYPE, body(file(shouting, PNG))).filename());
    }

    @Test
    void parametersInsideAnotherParametersQuotesAreNotParameters() throws IOException {
        // A field named "note" whose filename happens to contain "; name=file" is not the file part.
        String note = "form-data; name=\"note\"; filename=\"x;name=file;.png\"";
        MultipartFileReader.FilePart part = open(
                TYPE,
                body(file(note, "not the file".getBytes()), file("form-data; name=\"file\"; filename=\"a.png\"", PNG)));
        assertArrayEquals(PNG, read(part));
        // A filename hidden in another parameter's value is no filename.
        assertInvalid(TYPE, body(file("form-data; name=\"file\"; x=\"; filename=evil.png\"", PNG)));
        assertInvalid(TYPE, body(file("form-data; name=\"file\"; x=\";filename*=UTF-8''evil.png\"", PNG)));
    }

    @Test
    void repeatedParametersOrDispositionHeadersAreRefused() {
        assertInvalid(TYPE, body(file("form-data; name=\"file\"; filename=\"a.png\"; filename=\"b.html\"", PNG)));
        assertInvalid(TYPE, body(file("form-data; name=\"note\"; name=\"file\"; filename=\"a.png\"", PNG)));
        assertInvalid(
                TYPE,
                body(part(
                        "Content-Disposition: form-data; name=\"note\"\r\n"
                                + "Content-Disposition: form-data; name=\"file\"; filename=\"a.png\"",
                        PNG)));
        assertInvalid(
                TYPE,
                body(part(
                        "Content-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
                                + "Content-Type: image/png\r\nContent-Type: text/html",
                        PNG)));
    }

    @Test
    void unterminatedQuotesAreRefused() {
        assertInvalid(TYPE, body(file("form-data; name=\"file\"; filename=\"a.png", PNG)));
        assertInvalid(TYPE, body(file("form-data; name=\"file; filename=\"a.png\"", PNG)));
    }

    @Test
    void aPartWithoutContentTypeIsOctetStreamForThePolicyToJudge() throws IOException {
        MultipartFileReader.FilePart part =
                open(TYPE, body(part("Content-Disposition: form-data; name=\"file\"; filename=\"a.png\"", PNG)));
        assertEquals("application/octet-stream", part.contentType());
        assertArrayEquals(PNG, read(part));
    }

    @Test
    void headerNamesAreCaseInsensitive() throws IOException {
        MultipartFileReader.FilePart part = open(
                TYPE,
                body(part(
                        "content-disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nCONTENT-TYPE: image/png",
                        PNG)));
        assertEquals("a.png", part.filename());
        assertEquals("image/png", part.contentType());
    }

    @Test
    void aBodyTruncatedInsideTheFileFailsWhileItIsReadNeverLooksComplete() throws IOException {
        byte[] whole = body(file("form-data; name=\"file\"; filename=\"a.png\"", PNG));
        byte[] cut = new byte[whole.length - (BOUNDARY.length() + 8)];
        System.arraycopy(whole, 0, cut, 0, cut.length);
        MultipartFileReader.FilePart part = open(TYPE, cut);
        assertThrows(IOException.class, () -> read(part));
    }

    @Test
    void aBodyTruncatedBeforeTheFileIsRefused() {
        byte[] whole = body(field("note", "hello"), file("form-data; name=\"file\"; filename=\"a.png\"", PNG));
        for (int cut : new int[] {5, 30, 60, 90}) {
            byte[] truncated = new byte[cut];
            System.arraycopy(whole, 0, truncated, 0, cut);
            assertInvalid(TYPE, truncated);
        }
    }

    @Test
    void aHugePreambleIsRefusedBeforeTheFilePart() {
        byte[] preamble = ("x".repeat(MultipartFileReader.MAX_BEFORE_FILE + 1) + "\r\n").getBytes();
        byte[] rest = body(file("form-data; name=\"file\"; filename=\"a.png\"", PNG));
        byte[] all = new byte[preamble.length + rest.length];
        System.arraycopy(preamble, 0, all, 0, preamble.length);
        System.arraycopy(rest, 0, all, preamble.length, rest.length);
        assertEquals(PolicyViolation.Kind.TOO_LARGE, refusedPromptly(all).kind());
    }

    @Test
    void hugeFieldsBeforeTheFileAreRefusedAtOnce() {
        byte[] big = field("note", "y".repeat(MultipartFileReader.MAX_BEFORE_FILE));
        assertEquals(
                PolicyViolation.Kind.TOO_LARGE,
                refusedPromptly(body(big, file("form-data; name=\"file\"; filename=\"a.png\"", PNG)))
                        .kind());
    }

    /**
     * Refused within seconds: commons-fileupload drains the current part after the cap's refusal, and a cap that
     * then answered 0 bytes kept that drain (and the request thread) spinning forever.
     */
    private static PolicyViolation refusedPromptly(byte[] body) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refused(TYPE, body));
    }

    @Test
    void theFileMustBeAmongTheFirstSixteenParts() throws IOException {
        assertArrayEquals(PNG, read(open(TYPE, fieldsThenFile(15))));
        assertInvalid(TYPE, fieldsThenFile(16));
        assertInvalid(TYPE, fieldsThenFile(1000));
    }

    private static byte[] fieldsThenFile(int fields) {
        byte[][] parts = new byte[fields + 1][];
        for (int i = 0; i < fields; i++) {
            parts[i] = field("f" + i, "v");
        }
        parts[fields] = file("form-data; name=\"file\"; filename=\"a.png\"", PNG);
        return body(parts);
    }

    @Test
    void theFileItselfIsNotBoundedByTheCapBeforeIt() throws IOException {
        byte[] large = new byte[4 * MultipartFileReader.MAX_BEFORE_FILE];
        large[large.length - 1] = 7;
        MultipartFileReader.FilePart part =
                open(TYPE, body(field("note", "hi"), file("form-data; name=\"file\"; filename=\"a.png\"", large)));
        assertArrayEquals(large, read(part));
    }
}
