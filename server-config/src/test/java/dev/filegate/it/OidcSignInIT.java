package dev.filegate.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.it.support.Api;
import dev.filegate.it.support.ApiIT;
import dev.filegate.it.support.Browser;
import dev.filegate.it.support.ItEnvironment;
import dev.filegate.it.support.ItProperties;
import dev.filegate.it.support.RandomBody;
import dev.filegate.it.support.Tokens;
import dev.filegate.it.support.idp.KeycloakProvider;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * People sign in to the web UI through a real OpenID Connect provider's login page (Keycloak, Authorization Code with
 * PKCE), in a real headless Chromium. The server trusts the provider's JWKS URL and no key file, reads the tenant from
 * the {@code org} claim and the roles from Keycloak's own {@code realm_access.roles}.
 */
@Tag("oidc")
class OidcSignInIT extends ApiIT {

    private final String base = "http://127.0.0.1:" + ItProperties.httpPort() + "/";
    private Browser page;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws IOException {
        page = Browser.open();
        browser = page.driver();
        wait = page.waits();
    }

    @AfterEach
    void closeBrowser() {
        if (page != null) {
            page.close();
        }
    }

    private static KeycloakProvider idp() {
        return ItEnvironment.env().idp();
    }

    /** Opens the UI, follows its Sign in button to the provider's login page and signs in there. */
    private void signInAs(String user) {
        browser.get(base);
        wait.until(d -> page.shows("signin-provider"));
        assertFalse(page.shows("token-form"), "with a provider configured, nobody is asked to paste a token");
        browser.findElement(By.id("signin-provider")).click();
        loginAtTheProvider(user);
    }

    private void loginAtTheProvider(String user) {
        wait.until(d -> d.getCurrentUrl().startsWith(idp().issuer().toString())
                && !d.findElements(By.id("username")).isEmpty());
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user + "-password");
        browser.findElement(By.id("kc-login")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(base) && (page.shows("files-page") || page.shows("admin-page")));
    }

    /** The page's current access token (it lives in the page's memory only). */
    private String token() {
        return String.valueOf(browser.executeScript("return state.token"));
    }

    private long tokenExpiry() {
        return Long.parseLong(browser.findElement(By.id("whoami")).getDomAttribute("data-expires"));
    }

    private Path file(String name, byte[] bytes) throws IOException {
        Path file = Path.of(ItProperties.required("it.dir"), name);
        Files.write(file, bytes);
        return file;
    }

    private static byte[] png(long size, long seed) throws IOException {
        try (InputStream in = RandomBody.png(size, seed)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aPersonSignsInAtTheProviderUsesTheirTenantsFilesAndSignsOutThere() throws Exception {
        signInAs("alice");
        assertEquals(base, browser.getCurrentUrl(), "the code and state left the address bar");
        assertEquals("alice · org acme · uploader", page.text("whoami"));
        assertEquals("acme", page.text("org-name"));
        assertFalse(page.shows("identity-problems"));

        byte[] png = png(200_000, 61);
        page.fileInput().sendKeys(file("alice photo.png", png).toString());
        page.finished("alice photo.png", "done");
        page.clickInRow("alice photo.png", "download");
        Path saved = page.downloads().resolve("alice photo.png");
        wait.until(d -> Files.exists(saved) && sizeOf(saved) == png.length);
        assertArrayEquals(png, Files.readAllBytes(saved), "downloaded bytes are identical");
        page.screenshot("signed-in");

        browser.findElement(By.id("signout")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(base) && page.shows("signin-provider"));
        assertEquals("Not signed in", page.text("whoami"));
        browser.findElement(By.id("signin-provider")).click();
        wait.until(d -> !d.findElements(By.id("username")).isEmpty()); // the provider's session ended too: log in again
    }

    @Test
    void aPersonOfAnotherTenantDoesNotSeeTheFileNorReachIt() throws Exception {
        signInAs("alice");
        page.fileInput().sendKeys(file("acme only.png", png(30_000, 62)).toString());
        page.finished("acme only.png", "done");
        String id = page.row("acme only.png").getDomAttribute("data-id");
        browser.findElement(By.id("signout")).click();
        wait.until(d -> page.shows("signin-provider"));

        browser.findElement(By.id("signin-provider")).click();
        loginAtTheProvider("bob");
        assertEquals("bob · org globex · uploader", page.text("whoami"));
        wait.until(d -> page.shows("files-empty")
                || !d.findElements(By.cssSelector("#files tbody tr")).isEmpty());
        assertTrue(browser.findElements(By.cssSelector("#files tbody tr .name")).stream()
                .noneMatch(n -> n.getText().equals("acme only.png")));
        HttpResponse<String> across = api.get(Api.filesPath("acme") + "/" + id, token());
        assertEquals(403, across.statusCode(), across.body());
    }

    @Test
    void anAdminReachesTheAdminPage() {
        signInAs("ada");
        assertEquals("ada · org acme · admin", page.text("whoami"));
        browser.get(base + "#admin");
        wait.until(d -> page.shows("admin-content"));
        assertFalse(page.shows("admin-denied"));
    }

    @Test
    void aTokenWithoutATenantOrRoleIsToldSoInsteadOfFailingLater() throws Exception {
        signInAs("carol");
        wait.until(d -> page.shows("identity-problems"));
        String problems = page.text("identity-problems");
        assertTrue(problems.contains("names no tenant: its claim org"), problems);
        assertTrue(problems.contains("grants no role of this service: its claim realm_access.roles"), problems);
        assertFalse(page.shows("files-area"), "no uploader or file list without a tenant");
        assertEquals("carol · org (none) · no roles", page.text("whoami"));
        page.screenshot("no-tenant");
    }

    @Test
    void aTokenThatExpiresDuringAnUploadIsRenewedAndTheUploadCarriesOn() throws Exception {
        signInAs("alice");
        long firstExpiry = tokenExpiry();
        String firstToken = token();
        // 12 MiB in parts of 5 MiB (multipart from 6 MiB) at 200 KiB/s: about a minute, beyond the first token's 45 s.
        long size = 12L * 1024 * 1024;
        Path big = Path.of(ItProperties.required("it.dir"), "long upload.bin");
        try (InputStream in = new RandomBody(size, 63)) {
            Files.copy(in, big, StandardCopyOption.REPLACE_EXISTING);
        }
        ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
        slow.setUploadThroughput(200 * 1024);
        slow.setDownloadThroughput(64 * 1024 * 1024);
        browser.setNetworkConditions(slow);
        page.fileInput().sendKeys(big.toString());
        WebDriverWait patient = new WebDriverWait(browser, Duration.ofMinutes(4));
        patient.withMessage(() -> "uppy=" + page.uppyState() + " uploads=[" + page.text("uploads") + "] error=["
                + page.text("error") + "]");
        page.finished("long upload.bin", "done", patient);
        browser.deleteNetworkConditions();
        assertTrue(
                Instant.now().getEpochSecond() > firstExpiry,
                "the upload ended after the token it started with had expired");
        assertTrue(tokenExpiry() > firstExpiry, "the page holds a renewed token");
        assertFalse(firstToken.equals(token()));
        assertEquals("alice · org acme · uploader", page.text("whoami"), "the same session");
        assertEquals(
                "12 MiB",
                wait.until(d -> page.row("long upload.bin")
                        .findElement(By.className("size"))
                        .getText()));
        JsonObject files = Api.json(api.get(Api.filesPath("acme"), token()));
        assertTrue(files.getJsonArray("files").stream()
                .map(f -> f.asJsonObject())
                .anyMatch(f -> f.getString("filename").equals("long upload.bin")
                        && f.getJsonNumber("size").longValue() == size
                        && f.getString("state").equals("complete")));
        Files.deleteIfExists(big);
    }

    @Test
    void theServiceTrustsTheProvidersKeysAndNoOtherKey() throws Exception {
        signInAs("alice");
        assertEquals(200, api.get(Api.filesPath("acme"), token()).statusCode());
        // A token of the suites' own key, which the other configurations trust: here no key file is configured.
        HttpResponse<String> other = api.get(Api.filesPath("acme"), Tokens.uploader("acme"));
        assertEquals(401, other.statusCode(), other.body());
        JsonObject auth = Api.json(api.get("/api/v1/capabilities", null)).getJsonObject("auth");
        assertEquals(idp().issuer().toString(), auth.getJsonObject("oidc").getString("issuer"));
        assertEquals(KeycloakProvider.CLIENT_ID, auth.getJsonObject("oidc").getString("client_id"));
        assertEquals("realm_access.roles", auth.getString("roles_claim"));
    }

    @Test
    void thePageMayConnectToTheProviderAndStillRunsNoInlineScript() throws Exception {
        HttpResponse<Void> r = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(base)).build(), HttpResponse.BodyHandlers.discarding());
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        URI issuer = idp().issuer();
        String origin = issuer.getScheme() + "://" + issuer.getAuthority();
        assertTrue(csp.contains("connect-src 'self'") && csp.contains(" " + origin), csp);
        assertTrue(csp.contains("script-src 'self';") && !csp.contains("unsafe-inline"), csp);
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }
}
