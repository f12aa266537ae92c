package dev.filegate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.it.support.ApiIT;
import dev.filegate.it.support.Browser;
import dev.filegate.it.support.ItEnvironment;
import dev.filegate.it.support.ItProperties;
import dev.filegate.it.support.idp.KeycloakProvider;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Attacks on the OpenID Connect sign-in, from an independent review: what a sign-in leaves in web storage, which
 * tokens of the provider are bearer tokens for the API, and what the example realm lets the provider do with codes.
 */
@Tag("oidc")
class OidcAttackIT extends ApiIT {

    /**
     * Runs before any of the page's scripts (CDP, not subject to the page's CSP): keeps what the provider's token
     * endpoint answers, so that the test can try the ID token and the refresh token as bearer tokens.
     */
    private static final String CAPTURE_TOKENS = "(() => { const f = window.fetch; window.fetch = async (...a) => {"
            + " const r = await f(...a); try { const u = String((a[0] && a[0].url) || a[0]);"
            + " if (u.includes('/protocol/openid-connect/token')) { const j = await r.clone().json();"
            + " window.__idToken = j.id_token; window.__refreshToken = j.refresh_token; } } catch (e) {}"
            + " return r; }; })();";

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

    private void toTheProvidersLoginPage() {
        browser.get(base);
        wait.until(d -> page.shows("signin-provider"));
        browser.findElement(By.id("signin-provider")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(idp().issuer().toString())
                && !d.findElements(By.id("username")).isEmpty());
    }

    private void signInAs(String user) {
        toTheProvidersLoginPage();
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user + "-password");
        browser.findElement(By.id("kc-login")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(base) && page.shows("files-page"));
    }

    private String storage(String which) {
        return String.valueOf(browser.executeScript(
                "const s = window[arguments[0]]; const o = {};"
                        + " for (let i = 0; i < s.length; i++) { o[s.key(i)] = s.getItem(s.key(i)); } return JSON.stringify(o);",
                which));
    }

    /**
     * oidc-client-ts keeps a sign-in under way (state, PKCE verifier) in localStorage unless told otherwise: shared by
     * every tab and kept for good when the person does not finish. (Found by the review.)
     */
    @Test
    void anAbandonedSignInLeavesNothingInLocalStorage() {
        toTheProvidersLoginPage();
        browser.get(base); // the person comes back without signing in
        wait.until(d -> page.shows("signin-provider"));
        String local = storage("localStorage");
        assertEquals("{}", local, "nothing of a sign-in under way may outlive the tab: " + local);
    }

    /** After a sign-in no token is in any web storage, and nothing of the sign-in is left in either. */
    @Test
    void aCompletedSignInLeavesNoTokenInWebStorage() {
        signInAs("alice");
        String token = String.valueOf(browser.executeScript("return state.token"));
        String local = storage("localStorage");
        String session = storage("sessionStorage");
        assertFalse(local.contains(token) || session.contains(token), local + " " + session);
        assertFalse(session.contains("filegate.signin.route"), session);
        assertFalse(local.contains("code_verifier") || session.contains("code_verifier"), local + " " + session);
    }

    /** The ID token (aud = the UI's client) and the refresh token are not bearer tokens for the API. */
    @Test
    void theIdTokenAndTheRefreshTokenAreNoBearerTokensForTheApi() {
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CAPTURE_TOKENS));
        signInAs("alice");
        String idToken = String.valueOf(browser.executeScript("return window.__idToken || ''"));
        String refreshToken = String.valueOf(browser.executeScript("return window.__refreshToken || ''"));
        assertFalse(idToken.isEmpty(), "the token endpoint's answer was captured");
        String accessToken = String.valueOf(browser.executeScript("return state.token"));
        assertEquals(200, api.get("api/v1/me", accessToken).statusCode());
        HttpResponse<String> withIdToken = api.get("api/v1/me", idToken);
        assertEquals(401, withIdToken.statusCode(), withIdToken.body());
        if (!refreshToken.isEmpty()) {
            HttpResponse<String> withRefresh = api.get("api/v1/me", refreshToken);
            assertEquals(401, withRefresh.statusCode(), withRefresh.body());
        }
    }

    private static HttpResponse<String> authorize(String redirectUri, boolean pkce) throws Exception {
        String query = "client_id=" + KeycloakProvider.CLIENT_ID + "&response_type=code&scope=openid&state=s1&nonce=n1"
                + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8)
                + (pkce
                        ? "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
                        : "");
        URI uri = URI.create(idp().issuer() + "/protocol/openid-connect/auth?" + query);
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The realm refuses an authorization request of the UI's client without PKCE S256. */
    @Test
    void theProviderRefusesAnAuthorizationRequestWithoutPkce() throws Exception {
        HttpResponse<String> r = authorize(base, false);
        String location = r.headers().firstValue("Location").orElse("");
        assertTrue(
                r.statusCode() == 302 && location.contains("error=invalid_request"), r.statusCode() + " " + location);
        assertEquals(200, authorize(base, true).statusCode(), "the same request with PKCE gets the login page");
    }

    /**
     * The example realm registers the page itself as the redirect URI, not {@code origin/*}: the provider must not
     * hand codes to any other path of the service's origin (the API, downloads). (Found by the review.)
     */
    @Test
    void theProviderSendsCodesOnlyToThePageItself() throws Exception {
        HttpResponse<String> r = authorize(base + "api/v1/capabilities", true);
        assertEquals(400, r.statusCode(), "a redirect URI other than the page is refused, got " + r.statusCode());
    }
}
