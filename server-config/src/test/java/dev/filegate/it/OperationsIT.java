package dev.filegate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.filegate.it.support.Api;
import dev.filegate.it.support.ApiIT;
import dev.filegate.it.support.ItProperties;
import dev.filegate.it.support.JaxRsRoutes;
import dev.filegate.it.support.RandomBody;
import dev.filegate.it.support.RawHttp;
import dev.filegate.it.support.Tokens;
import dev.filegate.it.support.Transfer;
import dev.filegate.it.support.Wait;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What an operator relies on, seen from outside: the OpenAPI document names every route the classes declare and its
 * problems; every answer names its request; every upload, presign, completion, download and gateway grant writes
 * one audit line that names who, which tenant and file, the size, mode and outcome, and never a secret; the metrics
 * count transfers, refusals by reason and store calls, naming no tenant or user. In every transfer mode.
 */
@Tag("modes")
class OperationsIT extends ApiIT {

    private static final String ORG = "ops-acme";
    private static final Path MESSAGES = Path.of(ItProperties.required("it.server.log"), "messages.log");
    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Test
    void theOpenApiDocumentNamesEveryRouteTheResourceClassesDeclare() {
        JsonObject paths = openApi().getJsonObject("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, item) -> item.asJsonObject().keySet().stream()
                .filter(k -> Set.of("get", "put", "post", "delete", "head", "patch", "options")
                        .contains(k))
                .forEach(verb -> documented.add(verb.toUpperCase(Locale.ROOT) + " " + JaxRsRoutes.normalise(path))));
        Set<String> declared = JaxRsRoutes.declared();
        assertTrue(declared.size() > 20, "the routes were found: " + declared);
        Set<String> missing = new TreeSet<>(declared);
        missing.removeAll(documented);
        assertEquals(Set.of(), missing, "declared but not in /openapi (documented: " + documented + ")");
    }

    @Test
    void everyTenantRouteDocumentsItsProblemsAndTheBearerScheme() {
        JsonObject doc = openApi();
        assertTrue(doc.getJsonObject("components").getJsonObject("schemas").containsKey("Problem"));
        assertEquals(
                "bearer",
                doc.getJsonObject("components")
                        .getJsonObject("securitySchemes")
                        .getJsonObject("bearer")
                        .getString("scheme"));
        List<String> undocumented = new ArrayList<>();
        doc.getJsonObject("paths").forEach((path, item) -> {
            if (!path.contains("/orgs/")) {
                return;
            }
            item.asJsonObject().forEach((verb, op) -> {
                if (op.getValueType() != JsonValue.ValueType.OBJECT
                        || !op.asJsonObject().containsKey("responses")) {
                    return;
                }
                JsonObject responses = op.asJsonObject().getJsonObject("responses");
                for (String status : List.of("400", "401", "403", "404", "503")) {
                    if (!responses.containsKey(status)
                            || !responses
                                    .getJsonObject(status)
                                    .getJsonObject("content")
                                    .containsKey("application/problem+json")) {
                        undocumented.add(verb + " " + path + " " + status);
                    }
                }
            });
        });
        assertEquals(List.of(), undocumented);
    }

    @Test
    void everyAnswerNamesItsRequestAndAProblemQuotesThatName() {
        String mine = "it-" + UUID.randomUUID();
        HttpResponse<String> ok = api.send(api.request("api/v1/capabilities", null)
                .header("X-Request-Id", mine)
                .build());
        assertEquals(mine, ok.headers().firstValue("X-Request-Id").orElse(null));

        HttpResponse<String> refused = api.send(api.request(Api.filesPath("ops-globex"), Tokens.uploader(ORG))
                .header("X-Request-Id", mine + "-2")
                .build());
        assertEquals(403, refused.statusCode());
        assertEquals(mine + "-2", Api.json(refused).getString("request_id"));

        HttpResponse<String> anonymous =
                api.send(api.request(Api.filesPath(ORG), null).build());
        assertEquals(401, anonymous.statusCode());
        String generated = anonymous.headers().firstValue("X-Request-Id").orElseThrow();
        assertTrue(UUID_SHAPE.matcher(generated).matches(), generated);
        assertEquals(generated, Api.json(anonymous).getString("request_id"));

        for (String hostile : List.of("a b", "x".repeat(65), "<script>", "a\"b", "ünï")) {
            HttpResponse<String> r = api.send(api.request("api/v1/capabilities", null)
                    .header("X-Request-Id", hostile)
                    .build());
            String echoed = r.headers().firstValue("X-Request-Id").orElseThrow();
            assertNotEquals(hostile, echoed);
            assertTrue(UUID_SHAPE.matcher(echoed).matches(), "replaced by a generated id: " + echoed);
        }
    }

    @Test
    void anUploadAndItsDownloadAreAuditedWithWhoWhatHowMuchAndTheOutcome() throws IOException {
        Transfer transfer = new Transfer();
        long size = 3000;
        String id = transfer.upload(
                        ORG, Tokens.uploader(ORG), "audited.png", "image/png", size, () -> RandomBody.png(size, 7))
                .getString("id");
        HttpResponse<InputStream> download = transfer.download(ORG, Tokens.reader(ORG), id);
        assertEquals(200, download.statusCode());
        try (InputStream in = download.body()) {
            assertEquals(size, in.readAllBytes().length);
        }

        String mode = transfer.mode();
        if (mode.equals("proxy")) {
            String upload = auditLine("action=upload", "file=" + id);
            assertFields(
                    upload,
                    "method=post",
                    "mode=proxy",
                    "outcome=success",
                    "status=201",
                    "subject=alice@" + ORG,
                    "org=" + ORG,
                    "size=" + size);
        } else {
            assertFields(
                    auditLine("action=presign", "file=" + id),
                    "mode=" + mode,
                    "outcome=success",
                    "status=200",
                    "subject=alice@" + ORG,
                    "org=" + ORG);
            assertFields(auditLine("action=complete", "file=" + id), "mode=" + mode, "outcome=success", "size=" + size);
        }
        String downloadMode = mode.equals("proxy") ? "proxy" : mode.equals("gateway") ? "gateway" : "redirect";
        String downloaded = auditLine("action=download", "file=" + id);
        assertFields(downloaded, "method=get", "mode=" + downloadMode, "subject=rita@" + ORG, "org=" + ORG);
        assertFields(downloaded, mode.equals("proxy") ? "status=200" : "status=302", "outcome=success");
        if (mode.equals("proxy")) {
            assertFields(downloaded, "size=" + size); // the bytes that were sent
        }
        if (mode.equals("gateway")) {
            assertFields(
                    auditLine("action=gateway_grant", "method=put", "file=" + id),
                    "outcome=success",
                    "org=" + ORG,
                    "size=" + size);
            assertFields(auditLine("action=gateway_grant", "method=get", "file=" + id), "outcome=success");
        }
        for (String line : auditLines()) {
            assertFalse(line.contains("X-Amz") || line.contains("eyJ") || line.contains("http"), line);
        }
    }

    @Test
    void theGatewayPassesTheClientsRequestIdToTheGrantAndBack() {
        JsonObject caps = Api.json(api.get("api/v1/capabilities", null));
        String gateway = caps.getString("gateway_url", "");
        assumeTrue(!gateway.isEmpty(), "only where a gateway fronts the service (the gateway configuration)");
        Transfer transfer = new Transfer();
        String id = transfer.upload(
                        ORG, Tokens.uploader(ORG), "via-gateway.txt", "text/plain", 10, () -> RandomBody.text(10, 4))
                .getString("id");
        String mine = "it-gw-" + UUID.randomUUID();
        HttpResponse<String> got = transfer.send(
                HttpRequest.newBuilder(URI.create(gateway.replaceAll("/$", "") + "/files/" + ORG + "/" + id))
                        .header("Authorization", "Bearer " + Tokens.reader(ORG))
                        .header("X-Request-Id", mine)
                        .timeout(Duration.ofSeconds(30))
                        .build());
        assertEquals(200, got.statusCode(), got.body());
        assertEquals(mine, got.headers().firstValue("X-Request-Id").orElse(null));
        assertFields(
                auditLine("request_id=" + mine),
                "action=gateway_grant",
                "method=get",
                "file=" + id,
                "outcome=success",
                "subject=rita@" + ORG);
    }

    @Test
    void aRefusedUploadIsAuditedAndCountedByItsReason() {
        Transfer transfer = new Transfer();
        String action = transfer.mode().equals("proxy") ? "upload" : "presign";
        double before =
                metric("filegate_refusals_total", "action=\"" + action + "\"", "reason=\"unsupported-media-type\"");
        String requestId = "it-refused-" + UUID.randomUUID();
        HttpResponse<String> refused = transfer.mode().equals("proxy")
                ? api.send(api.request(Api.filesPath(ORG) + "?filename=tool.bin", Tokens.uploader(ORG))
                        .header("Content-Type", "application/x-msdownload")
                        .header("X-Request-Id", requestId)
                        .POST(HttpRequest.BodyPublishers.ofString("MZ not an allowed type"))
                        .build())
                : api.send(api.request(Api.filesPath(ORG) + "/presign", Tokens.uploader(ORG))
                        .header("Content-Type", "application/json")
                        .header("X-Request-Id", requestId)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                Api.presignBody("tool.bin", "application/x-msdownload", 10)
                                        .build()
                                        .toString()))
                        .build());
        assertEquals(415, refused.statusCode(), refused.body());
        assertFields(
                auditLine("request_id=" + requestId),
                "action=" + action,
                "outcome=refused",
                "status=415",
                "reason=unsupported-media-type",
                "org=" + ORG,
                "subject=alice@" + ORG);
        double after =
                metric("filegate_refusals_total", "action=\"" + action + "\"", "reason=\"unsupported-media-type\"");
        assertEquals(before + 1, after, 0.0);
    }

    @Test
    void theMetricsCountTransfersAndStoreCallsAndNameNoTenantOrUser() {
        Transfer transfer = new Transfer();
        transfer.upload(ORG, Tokens.uploader(ORG), "counted.txt", "text/plain", 100, () -> RandomBody.text(100, 3));
        String text = metrics();
        for (String name : List.of(
                "filegate_transfers_total",
                "filegate_transfer_duration_seconds_count",
                "filegate_store_calls_seconds_count")) {
            assertTrue(text.contains(name), name + " missing from /metrics?scope=application");
        }
        assertTrue(metric("filegate_store_calls_seconds_count", "operation=\"PutObject\"") > 0
                || metric("filegate_store_calls_seconds_count", "operation=\"CopyObject\"") > 0);
        assertFalse(text.contains(ORG), "a tenant is named in the metrics");
        assertFalse(text.contains("alice"), "a user is named in the metrics");
        assertFalse(text.contains("eyJ") || text.contains("X-Amz"), "a secret is in the metrics");
    }

    @Test
    void aClientCannotMintMetricSeriesWithItsOwnMethodOrHost() {
        String tag = UUID.randomUUID().toString().replace("-", "");
        for (int i = 0; i < 5; i++) {
            assertTrue(rawStatus("M" + tag + i + " /nosuch HTTP/1.1\r\nHost: h" + tag + i + "\r\n\r\n") > 0);
        }
        String all = api.get("metrics", null).body();
        assertFalse(all.contains(tag), "a client's method or Host became a metric label");
    }

    @Test
    void hostileHostsAndRequestTargetsAreRefusedWithoutAServerError() {
        String token = Tokens.uploader(ORG);
        String files = "/" + Api.filesPath(ORG);
        List<String> requests = List.of(
                "GET " + files + "/x HTTP/1.1\r\nHost: h<x>\r\n\r\n",
                "GET " + files + "/x HTTP/1.1\r\nHost: h<x>\r\nAuthorization: Bearer " + token + "\r\n\r\n",
                "GET " + files + "/a\"b HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n\r\n",
                "DELETE " + files + "/x|y HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n\r\n",
                "POST " + files + "/presign?x={1} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                        + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
        for (String request : requests) {
            int status = rawStatus(request);
            assertTrue(
                    status >= 400 && status < 500,
                    status + " for " + request.lines().findFirst().orElse(""));
        }
    }

    @Test
    void aGrantRequestNotFromTheGatewayIsAuditedWithoutTheTenantAndFileItNamed() {
        String mine = "it-notgw-" + UUID.randomUUID();
        HttpResponse<String> r = api.send(api.request("api/v1/gateway/authz", Tokens.reader(ORG))
                .header("X-Request-Id", mine)
                .header("X-Original-Method", "PUT")
                .header("X-Original-URI", "/files/ops-victim/2026-12-00000000-0000-4000-8000-000000000000.png")
                .header("X-Original-Content-Length", "999999")
                .build());
        assertTrue(r.statusCode() == 403 || r.statusCode() == 404, r.body());
        assertFields(
                auditLine("request_id=" + mine),
                "action=gateway_grant",
                "outcome=refused",
                "org=-",
                "file=-",
                "method=-",
                "size=-");
    }

    private static int rawStatus(String request) {
        try (RawHttp raw = new RawHttp()) {
            raw.send(request.getBytes(StandardCharsets.ISO_8859_1));
            return raw.status();
        }
    }

    private JsonObject openApi() {
        HttpResponse<String> r = api.send(api.request("openapi", null)
                .header("Accept", "application/json")
                .build());
        assertEquals(200, r.statusCode(), r.body());
        return Api.json(r);
    }

    private String metrics() {
        HttpResponse<String> r = api.get("metrics?scope=application", null);
        assertEquals(200, r.statusCode());
        return r.body();
    }

    /** The sum of the series of {@code name} whose labels include all of {@code labels}; 0 when there is none. */
    private double metric(String name, String... labels) {
        double sum = 0;
        Matcher m = Pattern.compile("(?m)^" + name + "\\{([^}]*)}\\s+([0-9.Ee+-]+)$")
                .matcher(metrics());
        while (m.find()) {
            String found = m.group(1);
            if (List.of(labels).stream().allMatch(found::contains)) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    private static List<String> auditLines() {
        try {
            return Files.readAllLines(MESSAGES, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.contains(" audit action="))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one audit line that has all of {@code fields}, waited for (a download's line follows its last byte). */
    private static String auditLine(String... fields) {
        List<String>[] found = new List[1];
        Wait.upTo(10, () -> {
            found[0] = auditLines().stream()
                    .filter(l ->
                            List.of(fields).stream().allMatch(f -> l.contains(" " + f + " ") || l.endsWith(" " + f)))
                    .toList();
            return !found[0].isEmpty();
        });
        assertEquals(1, found[0].size(), "audit lines with " + List.of(fields) + ": " + found[0]);
        return found[0].get(0);
    }

    private static void assertFields(String line, String... fields) {
        for (String f : fields) {
            assertTrue(line.contains(" " + f + " ") || line.endsWith(" " + f), f + " in " + line);
        }
    }
}
