package com.example.invoices.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.invoices.InvoiceResource;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.tenant.Role;
import dev.filegate.testkit.FilegateTestKit;
import dev.filegate.testkit.token.BearerToken;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The invoice service on one Liberty beside filegate, as its team tests it: the test kit starts the store (S3Proxy,
 * verifying every signature), mints the users' tokens and hands filegate its configuration; Arquillian deploys both
 * WARs. What the service uploaded is then checked through filegate's own API.
 */
@ExtendWith(ArquillianExtension.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InvoiceUploadIT {

    private static final URI BASE = URI.create("http://127.0.0.1:" + System.getProperty("invoices.http.port"));

    /** Started before Arquillian starts Liberty, whose arquillian.xml takes the kit's JVM arguments. */
    @RegisterExtension
    static final FilegateTestKit FILEGATE =
            FilegateTestKit.builder().publicUrl(BASE).bucket("invoices").build();

    private static final OrgId ACME = OrgId.of("acme");
    private static final OrgId GLOBEX = OrgId.of("globex");

    private final Http http = new Http(BASE);

    /** filegate's WAR, as the build made it; its context root is /. */
    @Deployment(name = "filegate", order = 1, testable = false)
    static WebArchive filegate() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("filegate.war")));
    }

    /** The application under test, at /invoices, told where filegate is. */
    @Deployment(name = "invoices", order = 2, testable = false)
    static WebArchive invoices() {
        return ShrinkWrap.create(WebArchive.class, "invoices.war")
                .addPackage(InvoiceResource.class.getPackage())
                .addAsResource(
                        new StringAsset("invoices.filegate-url=" + BASE + "\n"),
                        "META-INF/microprofile-config.properties");
    }

    @Test
    void an_uploaded_invoice_is_listed_and_served_by_filegate_exactly_as_uploaded() throws Exception {
        byte[] pdf = pdf();
        JsonObject invoice = upload(FILEGATE.token(ACME, "alice@acme", Role.UPLOADER), "2026-001.pdf", pdf);
        String id = invoice.getString("id");
        assertEquals(sha256(pdf), invoice.getString("sha256"), "what filegate computed over the bytes it stored");
        BearerToken reader = FILEGATE.token(ACME, "rita@acme", Role.READER);

        HttpResponse<byte[]> list = http.get("/api/v1/orgs/acme/files", reader);
        assertEquals(200, list.statusCode(), () -> body(list));
        JsonObject listed = Http.json(list).getJsonArray("files").getValuesAs(JsonObject.class).stream()
                .filter(f -> f.getString("id").equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not in " + body(list)));
        assertEquals("2026-001.pdf", listed.getString("filename"));
        assertEquals("application/pdf", listed.getString("content_type"));
        assertEquals(pdf.length, listed.getJsonNumber("size").longValueExact());

        HttpResponse<byte[]> download = http.get("/api/v1/orgs/acme/files/" + id, reader);
        assertEquals(200, download.statusCode(), () -> body(download));
        assertArrayEquals(pdf, download.body());
    }

    @Test
    void the_application_lists_and_downloads_its_tenants_invoices() throws Exception {
        byte[] pdf = pdf();
        String id =
                upload(FILEGATE.token(ACME, Role.UPLOADER), "2026-002.pdf", pdf).getString("id");
        BearerToken reader = FILEGATE.token(ACME, Role.READER);

        HttpResponse<byte[]> list = http.get("/invoices/api/invoices", reader);
        assertEquals(200, list.statusCode(), () -> body(list));
        assertTrue(body(list).contains(id), body(list));

        HttpResponse<byte[]> download = http.get("/invoices/api/invoices/" + id, reader);
        assertEquals(200, download.statusCode(), () -> body(download));
        assertArrayEquals(pdf, download.body());
    }

    @Test
    void a_token_of_another_tenant_cannot_see_the_invoice() throws Exception {
        String id = upload(FILEGATE.token(ACME, Role.UPLOADER), "2026-003.pdf", pdf())
                .getString("id");
        BearerToken stranger = FILEGATE.token(GLOBEX, "gus@globex", Role.READER, Role.UPLOADER);

        HttpResponse<byte[]> theirList = http.get("/api/v1/orgs/globex/files", stranger);
        assertEquals(200, theirList.statusCode(), () -> body(theirList));
        assertFalse(body(theirList).contains(id), body(theirList));
        assertEquals(404, http.get("/api/v1/orgs/globex/files/" + id, stranger).statusCode());
        assertEquals(403, http.get("/api/v1/orgs/acme/files/" + id, stranger).statusCode());
        assertEquals(403, http.get("/api/v1/orgs/acme/files", stranger).statusCode());

        HttpResponse<byte[]> throughTheApplication = http.get("/invoices/api/invoices", stranger);
        assertEquals(200, throughTheApplication.statusCode(), () -> body(throughTheApplication));
        assertFalse(body(throughTheApplication).contains(id), body(throughTheApplication));
        assertEquals(404, http.get("/invoices/api/invoices/" + id, stranger).statusCode());
    }

    @Test
    void a_reader_cannot_upload_an_invoice() throws Exception {
        HttpResponse<byte[]> refused = http.post(
                "/invoices/api/invoices?filename=x.pdf", FILEGATE.token(ACME, Role.READER), "application/pdf", pdf());

        assertEquals(403, refused.statusCode(), () -> body(refused));
        HttpResponse<byte[]> list = http.get("/api/v1/orgs/acme/files", FILEGATE.token(ACME, Role.READER));
        List<String> names = Http.json(list).getJsonArray("files").getValuesAs(JsonObject.class).stream()
                .map(f -> f.getString("filename"))
                .toList();
        assertFalse(names.contains("x.pdf"), names.toString());
    }

    private JsonObject upload(BearerToken uploader, String filename, byte[] pdf) {
        HttpResponse<byte[]> created =
                http.post("/invoices/api/invoices?filename=" + filename, uploader, "application/pdf", pdf);
        assertEquals(201, created.statusCode(), () -> body(created));
        JsonObject invoice = Http.json(created);
        assertEquals(filename, invoice.getString("filename"));
        assertEquals(pdf.length, invoice.getJsonNumber("size").longValueExact());
        return invoice;
    }

    /** A small PDF of its own (filegate checks the magic bytes of what claims to be one). */
    private static byte[] pdf() {
        return ("%PDF-1.7\n% invoice " + UUID.randomUUID()
                        + "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R" + " >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String body(HttpResponse<byte[]> response) {
        return response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8);
    }
}
