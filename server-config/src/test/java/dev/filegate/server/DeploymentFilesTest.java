package dev.filegate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.api.config.InvalidConfiguration;
import dev.filegate.api.config.ServiceConfiguration;
import dev.filegate.api.config.Settings;
import dev.filegate.domain.tenant.OrgId;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What can be checked of {@code deploy/} without a container engine or a cluster (there is neither on the development
 * machines or in CI): the compose file and the Helm chart's values and rendered manifests parse as YAML, every
 * environment variable they give filegate is a configuration key or a server.xml variable, the configuration they
 * give starts on the production baseline, and their ports and health paths are the server's. The chart is rendered by
 * {@link ChartTemplates}, a strict renderer of the Go-template subset the chart uses, not by helm.
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of("..");
    private static final Path DEPLOY = ROOT.resolve("deploy");
    private static final Path COMPOSE = DEPLOY.resolve("compose.yaml");
    private static final Path ENV_EXAMPLE = DEPLOY.resolve(".env.example");
    private static final Path CHART = DEPLOY.resolve("helm/filegate");
    private static final Path SERVER_XML = Path.of("src/main/liberty/config/server.xml");
    private static final Path NGINX_TEMPLATE = Path.of("src/main/gateway/nginx/filegate.conf.template");
    private static final Set<String> HEALTH_PATHS = Set.of("/health/live", "/health/ready", "/health/started");
    /** What a person fills into every empty value of .env.example or the chart's secrets (long enough for each). */
    private static final String FILLED_IN = "filled-in-by-the-operator-0123456789abcdef";

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\$|\\$\\{([A-Za-z0-9_]+)(?:(:?[-?])([^}]*))?}");

    // --- what the service understands ---

    /** Each key the configuration read consults, in its environment form, and server.xml's variables likewise. */
    private static Set<String> knownEnvironmentNames() throws Exception {
        Set<String> names = new TreeSet<>();
        for (String key : consultedKeys()) {
            names.add(Settings.envName(key));
        }
        for (String variable : libertyVariables().keySet()) {
            names.add(Settings.envName(variable));
        }
        return names;
    }

    private static Set<String> consultedKeys() {
        return DeploymentConfiguration.consulted(new MapConfig(DeploymentConfigurationTest.complete()))
                .keys();
    }

    /** server.xml's {@code <variable name defaultValue>}s (Liberty maps HTTP_PORT to http.port the same way). */
    private static Map<String, String> libertyVariables() throws Exception {
        Map<String, String> variables = new LinkedHashMap<>();
        NodeList list = xml(SERVER_XML).getElementsByTagName("variable");
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            variables.put(e.getAttribute("name"), e.getAttribute("defaultValue"));
        }
        return variables;
    }

    private static int serverHttpPort() throws Exception {
        return Integer.parseInt(libertyVariables().get("http.port"));
    }

    private static Document xml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    /** The configuration filegate would read from these environment variables (MicroProfile Config's mapping). */
    private static Map<String, String> configurationFrom(Map<String, String> environment) {
        Map<String, String> config = new HashMap<>();
        for (String key : consultedKeys()) {
            String value = environment.get(Settings.envName(key));
            if (value != null) {
                config.put(key, value);
            }
        }
        return config;
    }

    private static List<String> unknown(Set<String> environmentNames) throws Exception {
        Set<String> known = knownEnvironmentNames();
        return environmentNames.stream()
                .filter(n -> !known.contains(n))
                .sorted()
                .toList();
    }

    // --- YAML ---

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String what) {
        assertTrue(o instanceof Map, what + " is a mapping: " + o);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o, String what) {
        assertTrue(o instanceof List, what + " is a list: " + o);
        return (List<Object>) o;
    }

    /** {@code a.b.c} of nested mappings. */
    private static Object at(Object from, String path) {
        Object o = from;
        for (String name : path.split("\\.")) {
            o = map(o, path).get(name);
        }
        return o;
    }

    // --- compose ---

    private static Map<String, Object> compose() throws IOException {
        return map(yaml().load(Files.readString(COMPOSE)), "compose.yaml");
    }

    private static Map<String, Object> service(String name) throws IOException {
        return map(at(compose(), "services." + name), "service " + name);
    }

    /** .env.example's values, every empty one filled in as the person copying it must. */
    private static Map<String, String> envExample(boolean withCommentedBlock) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        boolean inGatewayBlock = false;
        for (String line : Files.readAllLines(ENV_EXAMPLE)) {
            inGatewayBlock |= line.startsWith("# Gateway mode");
            String assignment = line;
            if (line.startsWith("#") && withCommentedBlock && inGatewayBlock) {
                assignment = line.substring(1);
            }
            Matcher m = Pattern.compile("^([A-Z0-9_]+)=(\\S*)").matcher(assignment);
            if (m.find()) {
                values.put(m.group(1), m.group(2).isEmpty() ? FILLED_IN : m.group(2));
            }
        }
        return values;
    }

    /** Compose's interpolation of {@code value} from {@code env}: {@code ${X}}, {@code ${X:-default}}, {@code ${X:?}}. */
    private static String interpolate(String value, Map<String, String> env) {
        Matcher m = INTERPOLATION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (m.group(1) == null) { // $$: a literal $, not interpolated
                m.appendReplacement(out, Matcher.quoteReplacement("$"));
                continue;
            }
            String given = env.get(m.group(1));
            String operator = m.group(2);
            String replacement;
            if (given != null && !given.isEmpty()) {
                replacement = given;
            } else if (operator != null && operator.endsWith("?")) {
                throw new AssertionError(m.group(1) + " is required by compose.yaml but not in .env.example");
            } else {
                replacement = operator == null ? "" : m.group(3);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<String, String> composeEnvironment(String service, Map<String, String> env) throws IOException {
        Map<String, String> environment = new LinkedHashMap<>();
        map(service(service).get("environment"), service + " environment")
                .forEach((name, value) -> environment.put(name, interpolate(String.valueOf(value), env)));
        return environment;
    }

    @Test
    void theComposeFileNamesItsServicesAndBuildsTheImageFromTheRepository() throws IOException {
        Map<String, Object> services = map(compose().get("services"), "services");
        assertEquals(Set.of("minio", "minio-setup", "filegate", "gateway"), services.keySet());
        assertEquals(List.of("gateway"), service("gateway").get("profiles"));
        Map<String, Object> build = map(service("filegate").get("build"), "build");
        Path context = DEPLOY.resolve(String.valueOf(build.get("context")));
        assertTrue(Files.isRegularFile(context.resolve(String.valueOf(build.get("dockerfile")))), "the Dockerfile");
        assertTrue(Files.isDirectory(context.resolve("server-config")), "the context is the repository");
        assertEquals(
                "service_completed_successfully",
                at(service("filegate"), "depends_on.minio-setup.condition"),
                "filegate starts once the bucket exists");
    }

    @Test
    void everyEnvironmentVariableComposeGivesFilegateIsAKeyOrAServerVariable() throws Exception {
        Set<String> names =
                map(service("filegate").get("environment"), "environment").keySet();
        assertEquals(List.of(), unknown(names));
        assertFalse(names.contains("MP_CONFIG_PROFILE"), "the production baseline");
    }

    @Test
    void theEnvironmentMappingRecognisesKeysAndServerVariablesOnly() throws Exception {
        // The check above is only as good as this mapping.
        Set<String> known = knownEnvironmentNames();
        for (String name : List.of(
                "STORAGE_S3_PUBLIC_ENDPOINT",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                "DEPLOYMENT_ALLOW_INSECURE_HTTP",
                "MP_CONFIG_PROFILE",
                "HTTP_HOST",
                "HTTP_PORT",
                "HTTP_MAX_MESSAGE_SIZE")) {
            assertTrue(known.contains(name), name);
        }
        for (String name : List.of("STORAGE_S3_ENDPIONT", "S3_ENDPOINT", "UPLOAD_MAXSIZE", "MINIO_ROOT_USER")) {
            assertFalse(known.contains(name), name);
        }
    }

    @Test
    void composesConfigurationStartsOnTheProductionBaselineWithTheEndpointSplit() throws IOException {
        Map<String, String> config = configurationFrom(composeEnvironment("filegate", envExample(false)));
        DeploymentConfiguration d = DeploymentConfiguration.read(new MapConfig(config));
        assertEquals("prod", d.service().profile());
        assertEquals(URI.create("http://minio:9000"), d.store().s3().endpoint().orElseThrow(), "the service's way in");
        assertEquals(
                URI.create("http://localhost:9000"), d.store().publicEndpoint().orElseThrow(), "the browsers'");
        // Community MinIO has no bucket CORS API: its global MINIO_API_CORS_ALLOW_ORIGIN is the rule (checked below).
        assertEquals(List.of(), d.store().s3().corsOrigins());
        assertTrue(d.service().modes().allows(ServiceConfiguration.UploadMode.PRESIGNED));
    }

    @Test
    void composesGatewayBlockStartsTooAndNginxRunsTheShippedTemplateForIt() throws IOException {
        Map<String, String> env = envExample(true);
        Map<String, String> filegate = composeEnvironment("filegate", env);
        DeploymentConfiguration d = DeploymentConfiguration.read(new MapConfig(configurationFrom(filegate)));
        assertTrue(d.service().gatewayEnabled());

        Map<String, String> nginx = composeEnvironment("gateway", env);
        URI internal = URI.create(filegate.get("STORAGE_S3_ENDPOINT"));
        assertEquals(internal.getAuthority(), nginx.get("FILEGATE_STORE_HOST"), "the Host that is signed");
        assertEquals(internal.getAuthority(), nginx.get("FILEGATE_STORE"));
        assertEquals("filegate:" + containerPort("filegate"), nginx.get("FILEGATE_SERVICE"));
        assertEquals(filegate.get("GATEWAY_SHARED_SECRET"), nginx.get("FILEGATE_GATEWAY_SECRET"));
        URI gatewayUrl = URI.create(filegate.get("GATEWAY_PUBLIC_URL"));
        assertEquals(filegate.get("SERVICE_PUBLIC_URL"), gatewayUrl.toString(), "one origin");
        assertEquals(String.valueOf(gatewayUrl.getPort()), nginx.get("FILEGATE_LISTEN"));
        assertEquals(
                List.of("127.0.0.1:" + gatewayUrl.getPort() + ":" + nginx.get("FILEGATE_LISTEN")), ports("gateway"));

        String mount = String.valueOf(
                list(service("gateway").get("volumes"), "volumes").get(0));
        Path template = DEPLOY.resolve(mount.substring(0, mount.indexOf(':'))).normalize();
        assertEquals(
                NGINX_TEMPLATE.toAbsolutePath().normalize(),
                template.toAbsolutePath().normalize());
        String command =
                interpolate(String.join(" ", stringList(service("gateway").get("command"))), env);
        Set<String> rendered = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{(FILEGATE_[A-Z_]+)}").matcher(command);
        while (m.find()) {
            rendered.add(m.group(1));
        }
        Set<String> inTemplate = new TreeSet<>();
        m = Pattern.compile("\\$\\{(FILEGATE_[A-Z_]+)}").matcher(Files.readString(NGINX_TEMPLATE));
        while (m.find()) {
            inTemplate.add(m.group(1));
        }
        assertEquals(inTemplate, rendered, "envsubst renders exactly the template's variables");
        assertEquals(inTemplate, new TreeSet<>(nginx.keySet()), "and each is set");
        assertTrue(command.contains("mkdir -p /tmp/gateway/logs /tmp/gateway/tmp"), "the template's relative paths");
    }

    @Test
    void composesPortsAndHealthCheckAreTheServers() throws Exception {
        int port = serverHttpPort();
        assertEquals(port, containerPort("filegate"));
        assertEquals(List.of("127.0.0.1:" + port + ":" + port), ports("filegate"), "loopback only");
        Map<String, String> filegate = composeEnvironment("filegate", envExample(false));
        assertEquals(port, URI.create(filegate.get("SERVICE_PUBLIC_URL")).getPort());
        assertEquals("*", filegate.get("HTTP_HOST"));
        String check = String.join(" ", stringList(at(service("filegate"), "healthcheck.test")));
        assertTrue(check.contains("/dev/tcp/127.0.0.1/" + port), check);
        assertTrue(check.contains("GET /health/ready "), check);

        List<String> minioCommand = stringList(service("minio").get("command"));
        String address = minioCommand.get(minioCommand.indexOf("--address") + 1);
        int storePort = Integer.parseInt(address.substring(address.indexOf(':') + 1));
        assertEquals(storePort, URI.create(filegate.get("STORAGE_S3_ENDPOINT")).getPort());
        URI publicEndpoint = URI.create(filegate.get("STORAGE_S3_PUBLIC_ENDPOINT"));
        assertTrue(
                ports("minio").contains("127.0.0.1:" + publicEndpoint.getPort() + ":" + storePort),
                "browsers reach MinIO where the public endpoint says: " + ports("minio"));
        assertEquals(
                filegate.get("SERVICE_PUBLIC_URL"),
                composeEnvironment("minio", envExample(false)).get("MINIO_API_CORS_ALLOW_ORIGIN"));
    }

    /**
     * The store permission (IAM action) each S3 call of storage-s3 needs, by the SDK method that makes it. Presigned
     * and gateway requests (GET, HEAD, PUT, UploadPart, POST policies) are signed with the service's credentials, so
     * they need GetObject and PutObject as well.
     */
    private static final Map<String, List<String>> S3_CALL_PERMISSIONS = Map.ofEntries(
            Map.entry("putObject", List.of("s3:PutObject")),
            Map.entry("getObject", List.of("s3:GetObject")),
            Map.entry("getObjectAsBytes", List.of("s3:GetObject")),
            Map.entry("headObject", List.of("s3:GetObject")),
            Map.entry("deleteObject", List.of("s3:DeleteObject")),
            Map.entry("copyObject", List.of("s3:GetObject", "s3:PutObject")),
            Map.entry("uploadPartCopy", List.of("s3:GetObject", "s3:PutObject")),
            Map.entry("createMultipartUpload", List.of("s3:PutObject")),
            Map.entry("uploadPart", List.of("s3:PutObject")),
            Map.entry("completeMultipartUpload", List.of("s3:PutObject")),
            Map.entry("abortMultipartUpload", List.of("s3:AbortMultipartUpload")),
            Map.entry("listPartsPaginator", List.of("s3:ListMultipartUploadParts")),
            Map.entry("listMultipartUploadsPaginator", List.of("s3:ListBucketMultipartUploads")),
            Map.entry("listObjectsV2", List.of("s3:ListBucket")),
            Map.entry("listObjectsV2Paginator", List.of("s3:ListBucket")),
            Map.entry("headBucket", List.of("s3:ListBucket")),
            Map.entry("listBuckets", List.of("s3:ListAllMyBuckets")),
            Map.entry("createBucket", List.of("s3:CreateBucket")), // only with storage.s3.create-buckets
            Map.entry("putBucketCors", List.of("s3:PutBucketCors")), // only with storage.s3.cors-origins
            Map.entry("presignPutObject", List.of("s3:PutObject")),
            Map.entry("presignUploadPart", List.of("s3:PutObject")),
            Map.entry("presignGetObject", List.of("s3:GetObject")));

    /** The permissions storage-s3's calls need, for a store with {@code createBuckets} and {@code corsOrigins}. */
    private static Set<String> permissionsTheServiceNeeds(boolean createBuckets, boolean corsOrigins)
            throws IOException {
        Set<String> needed = new TreeSet<>();
        Pattern call = Pattern.compile("\\b(?:s3|presigner\\([^)]*\\))\\s*\\.\\s*(\\w+)\\(|\\.(presign\\w+)\\(");
        try (Stream<Path> files = Files.walk(ROOT.resolve("storage-s3/src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(Files.readString(file));
                while (m.find()) {
                    String method = m.group(1) != null ? m.group(1) : m.group(2);
                    List<String> permissions = S3_CALL_PERMISSIONS.get(method);
                    assertNotNull(
                            permissions,
                            file.getFileName() + " calls " + method + ": add the permission it needs to"
                                    + " S3_CALL_PERMISSIONS, compose's store policy and SECURITY.md");
                    needed.addAll(permissions);
                }
            }
        }
        assertTrue(needed.contains("s3:PutObject") && needed.contains("s3:ListAllMyBuckets"), "calls found: " + needed);
        if (!createBuckets) {
            needed.remove("s3:CreateBucket");
        }
        if (!corsOrigins) {
            needed.remove("s3:PutBucketCors");
        }
        return needed;
    }

    @Test
    void composesStoreUserMayDoOnlyWhatTheServiceDoesWithItsBucketAndTheSetUpFailsLoudly() throws IOException {
        Map<String, String> env = envExample(false);
        Map<String, String> setup = composeEnvironment("minio-setup", env);
        String bucket = setup.get("BUCKET");
        String script = interpolate(
                        String.join("\n", stringList(service("minio-setup").get("command"))), env)
                .lines()
                .filter(line -> !line.strip().startsWith("#"))
                .collect(Collectors.joining("\n"));
        assertTrue(script.startsWith("set -eu\n"), "every failure stops the set-up: " + script);
        assertFalse(script.contains("|| true"), "no failure hidden");
        assertFalse(
                Pattern.compile("\\b(readwrite|readonly|writeonly|consoleAdmin|diagnostics)\\b")
                        .matcher(script)
                        .find(),
                "no built-in MinIO policy: " + script);
        assertTrue(script.contains("mc mb --ignore-existing \"local/$BUCKET\""), script);

        Matcher printf = Pattern.compile("(?s)printf '(\\{.*?})\\\\n' \"\\$BUCKET\" \"\\$BUCKET\" > (\\S+)\\n")
                .matcher(script);
        assertTrue(printf.find(), "the policy is written by printf: " + script);
        Map<String, Object> policy = map(yaml().load(printf.group(1).replace("%s", bucket)), "policy");
        String file = printf.group(2);
        int create = script.indexOf("mc admin policy create local filegate-store " + file);
        int remove = script.indexOf("mc admin user remove local \"$FILEGATE_ACCESS_KEY\"");
        int add = script.indexOf("mc admin user add local \"$FILEGATE_ACCESS_KEY\" \"$FILEGATE_SECRET_KEY\"");
        int attach = script.indexOf("mc admin policy attach local filegate-store --user \"$FILEGATE_ACCESS_KEY\"");
        assertTrue(create > 0 && remove > create && add > remove && attach > add, "create, renew the user, attach");
        assertEquals(script.indexOf("mc admin policy attach"), script.lastIndexOf("mc admin policy attach"), "one");

        Set<String> granted = new TreeSet<>();
        for (Object o : list(policy.get("Statement"), "Statement")) {
            Map<String, Object> statement = map(o, "statement");
            assertEquals("Allow", statement.get("Effect"));
            List<String> actions = stringList(statement.get("Action"));
            List<String> resources = stringList(statement.get("Resource"));
            for (String action : actions) {
                assertFalse(action.contains("*"), action);
                boolean bucketLevel = action.equals("s3:ListBucket") || action.equals("s3:ListBucketMultipartUploads");
                String expected = action.equals("s3:ListAllMyBuckets")
                        ? "arn:aws:s3:::*"
                        : bucketLevel ? "arn:aws:s3:::" + bucket : "arn:aws:s3:::" + bucket + "/*";
                assertEquals(List.of(expected), resources, action + " on its bucket only");
            }
            granted.addAll(actions);
        }
        DeploymentConfiguration d =
                DeploymentConfiguration.read(new MapConfig(configurationFrom(composeEnvironment("filegate", env))));
        assertEquals(bucket, d.service().tenancy().bucketFor(OrgId.of("acme")));
        assertEquals(
                permissionsTheServiceNeeds(
                        d.store().s3().createBuckets(),
                        !d.store().s3().corsOrigins().isEmpty()),
                granted);
    }

    @Test
    void composesMinioImagesArePinnedToReleases() throws IOException {
        Pattern release =
                Pattern.compile("quay\\.io/minio/(minio|mc):RELEASE\\.\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}Z\\S*");
        for (String name : List.of("minio", "minio-setup")) {
            String image = String.valueOf(service(name).get("image"));
            assertTrue(release.matcher(image).matches(), name + ": " + image);
        }
        assertFalse(Files.readString(COMPOSE).contains(":latest"), "no floating tag");
    }

    @Test
    void nothingSecretIsCommitted() throws IOException {
        for (String line : Files.readAllLines(ENV_EXAMPLE)) {
            Matcher m = Pattern.compile("^#?([A-Z0-9_]*(SECRET|PASSWORD)[A-Z0-9_]*)=(\\S*)")
                    .matcher(line);
            if (m.find()) {
                assertEquals("", m.group(3), m.group(1) + " has a value in .env.example");
            }
        }
        map(chartValues().get("secrets"), "secrets")
                .forEach((name, value) -> assertEquals("", value, name + " has a value in values.yaml"));
        assertTrue(Files.readString(ROOT.resolve(".gitignore")).contains("deploy/.env"), ".env is ignored");
    }

    private static int containerPort(String service) throws IOException {
        String mapping = ports(service).get(0);
        return Integer.parseInt(mapping.substring(mapping.lastIndexOf(':') + 1));
    }

    private static List<String> ports(String service) throws IOException {
        return stringList(service(service).get("ports"));
    }

    private static List<String> stringList(Object o) {
        return list(o, "list").stream().map(String::valueOf).toList();
    }

    // --- Helm chart ---

    private static Map<String, Object> chartValues() throws IOException {
        return map(yaml().load(Files.readString(CHART.resolve("values.yaml"))), "values.yaml");
    }

    /** The chart rendered with values.yaml and {@code overrides} (dotted paths), release "files"; every document. */
    private static List<Map<String, Object>> render(Map<String, Object> overrides) throws IOException {
        Map<String, Object> values = chartValues();
        overrides.forEach((path, value) -> {
            String[] names = path.split("\\.");
            Map<String, Object> at = values;
            for (int i = 0; i < names.length - 1; i++) {
                at = map(at.get(names[i]), path);
            }
            at.put(names[names.length - 1], value);
        });
        Map<String, Object> chart = map(yaml().load(Files.readString(CHART.resolve("Chart.yaml"))), "Chart.yaml");
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("Values", values);
        root.put("Release", Map.of("Name", "files", "Namespace", "default", "Service", "Helm"));
        root.put(
                "Chart",
                Map.of(
                        "Name", chart.get("name"),
                        "Version", chart.get("version"),
                        "AppVersion", chart.get("appVersion")));
        Map<String, String> sources = new LinkedHashMap<>();
        List<Path> templates;
        try (Stream<Path> files = Files.list(CHART.resolve("templates"))) {
            templates = files.sorted().toList();
        }
        for (Path t : templates) {
            sources.put(t.getFileName().toString(), Files.readString(t));
        }
        ChartTemplates renderer = new ChartTemplates(sources);
        List<Map<String, Object>> documents = new ArrayList<>();
        for (String name : sources.keySet()) {
            if (name.startsWith("_") || !name.endsWith(".yaml")) {
                continue;
            }
            String rendered = renderer.render(name, root);
            for (Object doc : yaml().loadAll(rendered)) {
                if (doc != null) {
                    documents.add(map(doc, name));
                }
            }
        }
        renderer.render("NOTES.txt", root);
        return documents;
    }

    private static Map<String, Object> kind(List<Map<String, Object>> documents, String kind) {
        List<Map<String, Object>> found =
                documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
        assertEquals(1, found.size(), "one " + kind);
        return found.get(0);
    }

    private static Map<String, Object> container(List<Map<String, Object>> documents) {
        List<Object> containers =
                list(at(kind(documents, "Deployment"), "spec.template.spec.containers"), "containers");
        assertEquals(1, containers.size());
        return map(containers.get(0), "container");
    }

    /** Every environment variable the pod gets: explicit ones, the ConfigMap's and the rendered Secret's. */
    private static Map<String, String> podEnvironment(List<Map<String, Object>> documents) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Object e : list(container(documents).get("env"), "env")) {
            env.put(
                    String.valueOf(map(e, "env").get("name")),
                    String.valueOf(map(e, "env").get("value")));
        }
        map(at(kind(documents, "ConfigMap"), "data"), "data").forEach((k, v) -> env.put(k, String.valueOf(v)));
        documents.stream()
                .filter(d -> "Secret".equals(d.get("kind")))
                .map(d -> d.get("stringData"))
                .filter(data -> data != null)
                .forEach(data -> map(data, "stringData").forEach((k, v) -> env.put(k, String.valueOf(v))));
        return env;
    }

    private static Map<String, Object> filledInSecrets() {
        return Map.of("secrets.STORAGE_S3_ACCESS_KEY", "filegate", "secrets.STORAGE_S3_SECRET_KEY", FILLED_IN);
    }

    @Test
    void theChartRendersWellFormedManifestsOfTheExpectedKinds() throws IOException {
        List<Map<String, Object>> documents = render(Map.of());
        assertEquals(
                List.of("ConfigMap", "Deployment", "PodDisruptionBudget", "Secret", "Service", "ServiceAccount"),
                documents.stream()
                        .map(d -> String.valueOf(d.get("kind")))
                        .sorted()
                        .toList());
        for (Map<String, Object> d : documents) {
            assertNotNull(d.get("apiVersion"), d.get("kind") + " apiVersion");
            assertEquals("files-filegate", at(d, "metadata.name"), d.get("kind") + " name");
            assertEquals("filegate", map(at(d, "metadata.labels"), "labels").get("app.kubernetes.io/name"), "labels");
        }
        Map<String, Object> ingress =
                kind(render(Map.of("ingress.enabled", true, "ingress.className", "nginx")), "Ingress");
        assertEquals("nginx", at(ingress, "spec.ingressClassName"));
    }

    @Test
    void theDeploymentRunsSeveralNonRootReplicasWithProbesOnTheHealthEndpoints() throws Exception {
        List<Map<String, Object>> documents = render(Map.of());
        Map<String, Object> deployment = kind(documents, "Deployment");
        assertTrue(((Number) at(deployment, "spec.replicas")).intValue() > 1, "replicas");
        Map<String, Object> c = container(documents);
        Map<String, Object> port = map(list(c.get("ports"), "ports").get(0), "port");
        assertEquals("http", port.get("name"));
        assertEquals(serverHttpPort(), port.get("containerPort"));
        Map<String, String> env = podEnvironment(documents);
        assertEquals(String.valueOf(serverHttpPort()), env.get("HTTP_PORT"));
        assertEquals("*", env.get("HTTP_HOST"));

        Map<String, String> probes = new LinkedHashMap<>();
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertEquals("http", at(c, probe + ".httpGet.port"), probe);
            probes.put(probe, String.valueOf(at(c, probe + ".httpGet.path")));
        }
        assertEquals(
                Map.of(
                        "startupProbe", "/health/started",
                        "livenessProbe", "/health/live",
                        "readinessProbe", "/health/ready"),
                probes);
        assertTrue(HEALTH_PATHS.containsAll(probes.values()));
        assertTrue(serverFeatures().stream().anyMatch(f -> f.startsWith("mpHealth-")), "server.xml serves them");

        assertEquals(true, at(deployment, "spec.template.spec.securityContext.runAsNonRoot"));
        assertEquals(false, at(c, "securityContext.allowPrivilegeEscalation"));
        assertEquals(List.of("ALL"), at(c, "securityContext.capabilities.drop"));
        assertNotNull(at(c, "resources.limits.memory"));
        assertNotNull(at(c, "resources.requests.memory"));
        assertEquals(0, at(deployment, "spec.strategy.rollingUpdate.maxUnavailable"));
    }

    @Test
    void theServiceAndTheDisruptionBudgetSelectTheDeploymentsPods() throws IOException {
        List<Map<String, Object>> documents = render(Map.of());
        Map<String, Object> selector = map(at(kind(documents, "Deployment"), "spec.selector.matchLabels"), "selector");
        Map<String, Object> podLabels =
                map(at(kind(documents, "Deployment"), "spec.template.metadata.labels"), "labels");
        assertTrue(podLabels.entrySet().containsAll(selector.entrySet()), "the pods carry the selector's labels");
        assertEquals(selector, at(kind(documents, "Service"), "spec.selector"));
        assertEquals(selector, at(kind(documents, "PodDisruptionBudget"), "spec.selector.matchLabels"));
        Map<String, Object> servicePort =
                map(list(at(kind(documents, "Service"), "spec.ports"), "ports").get(0), "port");
        assertEquals("http", servicePort.get("targetPort"));
        Map<String, Object> c = container(documents);
        List<Object> envFrom = list(c.get("envFrom"), "envFrom");
        assertEquals(at(kind(documents, "ConfigMap"), "metadata.name"), at(envFrom.get(0), "configMapRef.name"));
        assertEquals(at(kind(documents, "Secret"), "metadata.name"), at(envFrom.get(1), "secretRef.name"));
        assertEquals(
                at(kind(documents, "ServiceAccount"), "metadata.name"),
                at(kind(documents, "Deployment"), "spec.template.spec.serviceAccountName"));
    }

    @Test
    void everyEnvironmentVariableTheChartGivesIsAKeyOrAServerVariable() throws Exception {
        Set<String> names =
                new TreeSet<>(podEnvironment(render(filledInSecrets())).keySet());
        names.addAll(map(chartValues().get("secrets"), "secrets").keySet());
        assertEquals(List.of(), unknown(names));
        assertFalse(names.contains("MP_CONFIG_PROFILE"), "the production baseline");
    }

    @Test
    void theChartsConfigurationStartsOnTheProductionBaseline() throws IOException {
        Map<String, String> env = podEnvironment(render(filledInSecrets()));
        DeploymentConfiguration d = DeploymentConfiguration.read(new MapConfig(configurationFrom(env)));
        assertEquals("prod", d.service().profile());
        assertEquals("https", d.service().publicUrl().getScheme());
        assertTrue(d.store().publicEndpoint().isPresent(), "presigned URLs name the public endpoint");

        // ... and is held to it: an http:// public URL in values.yaml fails the start, by name.
        Map<String, Object> insecure = new HashMap<>(filledInSecrets());
        insecure.put("config.SERVICE_PUBLIC_URL", "http://files.example.com");
        Map<String, String> refused = podEnvironment(render(insecure));
        String message = assertThrows(
                        InvalidConfiguration.class,
                        () -> DeploymentConfiguration.read(new MapConfig(configurationFrom(refused))))
                .getMessage();
        assertTrue(message.contains("service.public-url is http://files.example.com"), message);
    }

    @Test
    void emptySecretsAreLeftOutAndAnExistingSecretReplacesTheRenderedOne() throws IOException {
        assertEquals(null, kind(render(Map.of()), "Secret").get("stringData"), "nothing to render");
        assertEquals(
                Set.of("STORAGE_S3_ACCESS_KEY", "STORAGE_S3_SECRET_KEY"),
                map(kind(render(filledInSecrets()), "Secret").get("stringData"), "stringData")
                        .keySet());

        List<Map<String, Object>> documents = render(Map.of("existingSecret", "filegate-store-credentials"));
        assertTrue(documents.stream().noneMatch(d -> "Secret".equals(d.get("kind"))), "no Secret rendered");
        assertEquals(
                "filegate-store-credentials",
                at(list(container(documents).get("envFrom"), "envFrom").get(1), "secretRef.name"));
    }

    @Test
    void thePodTemplateCarriesNothingDerivedFromTheSecretsValues() throws IOException {
        // Whoever may read Deployments may not read Secrets: no checksum of their values belongs in the pod template.
        Map<String, Object> one = new HashMap<>(filledInSecrets());
        Map<String, Object> other = new HashMap<>(filledInSecrets());
        other.put("secrets.STORAGE_S3_SECRET_KEY", FILLED_IN + "-rotated");
        other.put("secrets.GATEWAY_SHARED_SECRET", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        assertEquals(kind(render(one), "Deployment"), kind(render(other), "Deployment"));
        Map<String, Object> annotations =
                map(at(kind(render(one), "Deployment"), "spec.template.metadata.annotations"), "annotations");
        assertEquals(Set.of("checksum/config"), annotations.keySet());
    }

    @Test
    void theIngressExampleTerminatesTlsAndRoutesToTheService() throws IOException {
        Map<String, Object> annotations = Map.of("nginx.ingress.kubernetes.io/proxy-request-buffering", "off");
        List<Map<String, Object>> documents =
                render(Map.of("ingress.enabled", true, "ingress.annotations", annotations));
        Map<String, Object> ingress = kind(documents, "Ingress");
        assertEquals("networking.k8s.io/v1", ingress.get("apiVersion"));
        assertEquals(annotations, at(ingress, "metadata.annotations"));
        String host = String.valueOf(at(chartValues(), "ingress.host"));
        assertEquals(List.of(host), at(list(at(ingress, "spec.tls"), "tls").get(0), "hosts"));
        Map<String, Object> rule = map(list(at(ingress, "spec.rules"), "rules").get(0), "rule");
        assertEquals(host, rule.get("host"));
        Object backend = at(list(at(rule, "http.paths"), "paths").get(0), "backend.service");
        assertEquals(at(kind(documents, "Service"), "metadata.name"), at(backend, "name"));
        assertEquals("http", at(backend, "port.name"));
        assertEquals(
                "https://" + host, at(chartValues(), "config.SERVICE_PUBLIC_URL"), "the public URL is the ingress");
    }

    /** The Ingress's paths as (path, pathType). */
    private static List<Map<String, Object>> ingressPaths(List<Map<String, Object>> documents) {
        Map<String, Object> rule =
                map(list(at(kind(documents, "Ingress"), "spec.rules"), "rules").get(0), "rule");
        List<Map<String, Object>> paths = new ArrayList<>();
        for (Object p : list(at(rule, "http.paths"), "paths")) {
            paths.add(map(p, "path"));
        }
        return paths;
    }

    /** Whether an Ingress with {@code paths} routes {@code request}: Exact, or Prefix by whole segments (Kubernetes). */
    private static boolean routes(List<Map<String, Object>> paths, String request) {
        for (Map<String, Object> p : paths) {
            String path = String.valueOf(p.get("path"));
            boolean match = "Exact".equals(p.get("pathType"))
                    ? request.equals(path)
                    : path.equals("/") || request.equals(path) || request.startsWith(path + "/");
            if (match) {
                return true;
            }
        }
        return false;
    }

    /** The first path segment of each class-level {@code @Path} of the API's resources (below {@code /api/v1}). */
    private static Set<String> apiResourceRoots() throws IOException {
        Set<String> roots = new TreeSet<>();
        Pattern classPath = Pattern.compile("(?m)^@Path\\(\"/?([^/\"]+)[^\"]*\"\\)");
        try (Stream<Path> files = Files.walk(ROOT.resolve("upload-api/src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = classPath.matcher(Files.readString(file));
                while (m.find()) {
                    roots.add(m.group(1));
                }
            }
        }
        return roots;
    }

    @Test
    void theIngressRoutesOnlyTheUiAndTheClientApi() throws IOException {
        List<Map<String, Object>> paths = ingressPaths(render(Map.of("ingress.enabled", true)));
        Set<String> apiRoots = apiResourceRoots();
        assertTrue(apiRoots.containsAll(Set.of("orgs", "capabilities", "admin", "gateway")), apiRoots.toString());
        apiRoots.remove("gateway"); // the gateway's own, never the clients'
        Set<String> routedApi = new TreeSet<>();
        for (Map<String, Object> p : paths) {
            String path = String.valueOf(p.get("path"));
            if (path.startsWith("/api/")) {
                assertEquals("Prefix", p.get("pathType"), path);
                routedApi.add(path.substring("/api/v1/".length()));
            }
        }
        assertEquals(apiRoots, routedApi, "every client resource of the API, and nothing else under /api/v1");
        for (String request : List.of(
                "/",
                "/ui",
                "/ui/",
                "/ui/app.js",
                "/ui/download/x",
                "/api/v1/orgs/acme/files",
                "/api/v1/orgs/acme/files/presign",
                "/api/v1/orgs/acme/uploads/s3/multipart",
                "/api/v1/capabilities",
                "/api/v1/admin/overview")) {
            assertTrue(routes(paths, request), request);
        }
        for (String request : List.of(
                "/openapi",
                "/openapi/ui/",
                "/health",
                "/health/ready",
                "/metrics",
                "/metrics/application",
                "/jwt/ibm/api/defaultJWT/jwk",
                "/ibm/api/",
                "/api/v1/gateway/authz",
                "/api/v1/gateway",
                "/api/v1",
                "/dev/token",
                "/uix",
                "/api/v1/orgsx")) {
            assertFalse(routes(paths, request), request);
        }
    }

    @Test
    void theNetworkPolicyIsOffByDefaultAndOnAdmitsOnlyItsPeersToTheHttpPort() throws IOException {
        assertTrue(render(Map.of()).stream().noneMatch(d -> "NetworkPolicy".equals(d.get("kind"))));
        List<Map<String, Object>> documents = render(Map.of("networkPolicy.enabled", true));
        Map<String, Object> policy = kind(documents, "NetworkPolicy");
        assertEquals("networking.k8s.io/v1", policy.get("apiVersion"));
        assertEquals("files-filegate", at(policy, "metadata.name"));
        assertEquals(
                at(kind(documents, "Deployment"), "spec.selector.matchLabels"),
                at(policy, "spec.podSelector.matchLabels"),
                "the Deployment's pods");
        assertEquals(List.of("Ingress"), at(policy, "spec.policyTypes"));
        List<Object> rules = list(at(policy, "spec.ingress"), "ingress");
        assertEquals(1, rules.size());
        List<Object> from = list(at(rules.get(0), "from"), "from");
        assertEquals(at(chartValues(), "networkPolicy.from"), from);
        assertFalse(from.isEmpty(), "a rule without peers would admit everyone");
        assertEquals(List.of(Map.of("port", "http", "protocol", "TCP")), at(rules.get(0), "ports"));
        assertEquals(
                "http",
                map(list(container(documents).get("ports"), "ports").get(0), "port")
                        .get("name"));

        Map<String, Object> nobody =
                kind(render(Map.of("networkPolicy.enabled", true, "networkPolicy.from", List.of())), "NetworkPolicy");
        assertEquals(List.of(), at(nobody, "spec.ingress"), "no peers: nobody admitted, not everyone");
    }

    @Test
    void theRendererRefusesWhatItCannotCheck() {
        Map<String, Object> root = Map.of("Values", Map.of("a", Map.of("b", "x")));
        for (String template : List.of(
                "{{ .Values.missing }}",
                "{{ .Values.a }}",
                "{{ .Values.a.b | lower }}",
                "{{ template \"x\" . }}",
                "{{ if .Values.a.b }}unclosed")) {
            assertThrows(
                    IllegalStateException.class,
                    () -> new ChartTemplates(Map.of("t.yaml", template)).render("t.yaml", root),
                    template);
        }
        assertEquals(
                "k: \"x\"\n  b: x",
                new ChartTemplates(
                                Map.of("t.yaml", "k: {{ .Values.a.b | quote }}\n  {{- toYaml .Values.a | nindent 2 }}"))
                        .render("t.yaml", root));
    }

    // --- ./run ---

    @Test
    void runMakesEveryFileItWritesTheUsersAlone() throws IOException {
        // ./run writes the store credential (s3.env, s3proxy.properties), the dev token keys, the stored files, logs.
        List<String> lines = Files.readAllLines(ROOT.resolve("run"));
        int umask = lines.indexOf("umask 077");
        assertTrue(umask > 0, "./run sets umask 077");
        Pattern creates = Pattern.compile("\\b(mkdir|openssl genpkey|openssl pkey)\\b|(^|[^0-9&<])>\\s*\"\\$DATA");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.strip().startsWith("#") && creates.matcher(line).find()) {
                assertTrue(i > umask, "line " + (i + 1) + " creates a file before umask 077: " + line);
            }
        }
        String run = Files.readString(ROOT.resolve("run"));
        assertTrue(
                run.contains("chmod -R go-rwx \"$DATA/keys\" \"$DATA/s3\" \"$DATA/logs\""),
                "what an earlier ./run made under the default umask");
        // Truncating an existing file keeps its mode: a file rewritten on every run is written anew, then moved.
        Matcher rewritten = Pattern.compile("cat > \"(\\$DATA/[^\"]+)\"").matcher(run);
        int count = 0;
        while (rewritten.find()) {
            String file = rewritten.group(1);
            assertTrue(file.endsWith(".new"), file);
            assertTrue(run.indexOf("rm -f \"" + file + "\"") < rewritten.start(), "a stale " + file + " removed first");
            String target = file.substring(0, file.length() - ".new".length());
            assertTrue(run.contains("mv -f \"" + file + "\" \"" + target + "\""), target);
            assertTrue(run.contains("[ ! -e \"" + target + "\" ] || chmod 600 \"" + target + "\""), target);
            count++;
        }
        assertEquals(1, count, "s3proxy.properties");
    }

    // --- the image ---

    @Test
    void theDockerfileBuildsTheWarIntoTheLibertyTheBuildTestsOnKernelSlim() throws Exception {
        String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
        String liberty = xml(ROOT.resolve("pom.xml"))
                .getElementsByTagName("openliberty.version")
                .item(0)
                .getTextContent();
        assertTrue(
                dockerfile.contains(
                        "ARG LIBERTY_IMAGE=icr.io/appcafe/open-liberty:" + liberty + "-kernel-slim-java17-"),
                "the base image is Open Liberty " + liberty + " kernel-slim, Java 17");
        List<String> steps = dockerfile
                .lines()
                .filter(l -> l.matches("^(FROM|COPY|RUN|ENV|EXPOSE|USER)\\b.*"))
                .collect(Collectors.toList());
        int config = indexOf(steps, "COPY --chown=1001:0 server-config/src/main/liberty/config/ /config/");
        int features = indexOf(steps, "RUN features.sh");
        int war = indexOf(
                steps, "COPY --chown=1001:0 --from=build /src/server-config/target/filegate.war /config/dropins/");
        int configure = indexOf(steps, "RUN configure.sh");
        assertTrue(config < features && features < war && war < configure, "config, features.sh, WAR, configure.sh");
        assertEquals(steps.size() - 1, configure, "configure.sh is the last step");
        assertTrue(steps.contains("ENV HTTP_HOST=*"), "listens on every interface");
        assertTrue(steps.contains("EXPOSE " + serverHttpPort()));
        assertTrue(Files.isDirectory(Path.of("src/main/liberty/config")));
        Document pom = xml(Path.of("pom.xml"));
        assertEquals("filegate", pom.getElementsByTagName("finalName").item(0).getTextContent());
        assertEquals("war", pom.getElementsByTagName("packaging").item(0).getTextContent());
        assertTrue(
                Files.readString(Path.of("src/main/webapp/WEB-INF/ibm-web-ext.xml"))
                        .contains("<context-root uri=\"/\"/>"),
                "served at / from dropins, where the probes look");
    }

    private static int indexOf(List<String> steps, String prefix) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no step " + prefix + " in " + steps);
    }

    private static List<String> serverFeatures() throws Exception {
        List<String> features = new ArrayList<>();
        NodeList list = xml(SERVER_XML).getElementsByTagName("feature");
        for (int i = 0; i < list.getLength(); i++) {
            features.add(list.item(i).getTextContent().strip());
        }
        return features;
    }
}
