package dev.filegate.api.config;

import dev.filegate.domain.policy.MultipartPolicy;
import dev.filegate.domain.policy.UploadPolicy;
import dev.filegate.domain.tenant.AccessPolicy;
import dev.filegate.domain.tenant.TenancyStrategy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The API's configuration (the store's own section is read by the deployable that binds the store), validated as a
 * whole. Every key is documented in the README's configuration
 * reference; each can be set as an environment variable (dots and hyphens become underscores, upper case).
 */
public record ServiceConfiguration(
        String profile,
        UploadPolicy policy,
        MultipartPolicy multipart,
        TenancyStrategy tenancy,
        AccessPolicy access,
        Optional<URI> gatewayUrl,
        Modes modes,
        Housekeeping housekeeping,
        Identity identity,
        DevToken devToken,
        URI publicUrl,
        Optional<SharedSecret> gatewaySecret,
        boolean presignedRequiresSha256) {

    /** The API's own URL as clients reach it: {@code {service.public-url}/api/v1}. Never taken from a request. */
    public URI apiBase() {
        String base = publicUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/v1/");
    }

    /** Whether the gateway authorization endpoint is live: only with a gateway mode enabled. */
    public boolean gatewayEnabled() {
        return modes.allows(UploadMode.GATEWAY) || modes.download() == DownloadMode.GATEWAY;
    }

    /** Whether {@code presentedSecret} (untrusted; may be null) proves its sender is this deployment's gateway. */
    public boolean fromGateway(String presentedSecret) {
        return gatewayEnabled()
                && gatewaySecret().map(s -> s.matches(presentedSecret)).orElse(false);
    }

    /**
     * Background work: removal of presigned uploads never completed (how often, and how long after their URL
     * expired), and how often the admin view's usage snapshot is taken again.
     */
    public record Housekeeping(Duration sweepInterval, Duration grace, Duration usageRefresh) {}

    /** How bytes move: upload modes enabled (first preferred) and the download mode. */
    public record Modes(List<UploadMode> upload, DownloadMode download) {
        public Modes {
            upload = List.copyOf(upload);
            if (upload.isEmpty()) {
                throw new IllegalArgumentException("enable at least one upload mode (proxy, presigned)");
            }
        }

        public boolean allows(UploadMode mode) {
            return upload.contains(mode);
        }

        /** The direct (not proxied) upload mode in force: presigned if enabled, else gateway, else none. */
        public Optional<UploadMode> direct() {
            return Stream.of(UploadMode.PRESIGNED, UploadMode.GATEWAY)
                    .filter(this::allows)
                    .findFirst();
        }
    }

    /** Upload modes. */
    public enum UploadMode {
        PROXY,
        PRESIGNED,
        GATEWAY;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Download modes: stream through the service, or redirect to a short-lived presigned GET. */
    public enum DownloadMode {
        PROXY,
        REDIRECT,
        GATEWAY;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The dev-only token endpoint: absent unless enabled, and refused outside the dev profile. */
    public record DevToken(
            boolean enabled, Optional<String> signingKeyLocation, String issuer, String audience, Duration lifetime) {}

    public static final String PROFILE = "mp.config.profile";

    /**
     * Not a setting: {@code microprofile-config.properties} sets it for the dev and test profiles only ({@code
     * %dev.}, {@code %test.}), so that its value says which of them MicroProfile Config activated, for {@link
     * #profile} to compare with {@value #PROFILE}.
     */
    public static final String ACTIVATED_PROFILE = "deployment.activated-profile";

    /** The profile, and why it cannot be trusted to be the one whose values MicroProfile Config applies. */
    private record ActiveProfile(String name, Optional<String> problem) {}

    /**
     * The active profile: {@code dev}, {@code test}, or anything else for the production baseline ({@code prod}). It
     * is the profile MicroProfile Config activated, or else a name on the production baseline: a profile this service
     * would relax its rules for while MicroProfile Config applies other values is never returned (see {@link
     * #readProfile}).
     */
    public static String profile(Settings s) {
        return readProfile(s).name();
    }

    /**
     * {@value #PROFILE} as MicroProfile Config activates it: Liberty's (SmallRye Config) trims it and splits it at
     * commas, activating each profile of a list, and also activates profiles named by {@code smallrye.config.profile}
     * or its {@code .parent}, reads the profile from its sources before any {@code %profile.} prefix applies, and so
     * on. Rather than imitate all of that, the properties file's {@value #ACTIVATED_PROFILE} says which of dev and
     * test is active, and it must agree with {@value #PROFILE}; a list of profiles, whose values would mix, is
     * refused.
     */
    private static ActiveProfile readProfile(Settings s) {
        String written = s.string(PROFILE, "prod");
        List<String> names = Stream.of(written.split(","))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .toList();
        if (names.size() > 1) {
            return new ActiveProfile(
                    written,
                    Optional.of(PROFILE + " is '" + written + "': MicroProfile Config activates every profile of a"
                            + " comma-separated list, mixing their values; filegate runs in one (dev, test, or any"
                            + " other name, or none, for the production baseline)"));
        }
        String name = names.isEmpty() ? "prod" : names.get(0);
        Optional<String> expected = isProductionBaseline(name) ? Optional.empty() : Optional.of(name);
        Optional<String> activated = s.optional(ACTIVATED_PROFILE);
        if (s.setWithoutProfile(ACTIVATED_PROFILE)) {
            return new ActiveProfile(
                    isProductionBaseline(name) ? name : name + " (unconfirmed)",
                    Optional.of(ACTIVATED_PROFILE + " is set by microprofile-config.properties for the dev and test"
                            + " profiles only, to tell which one MicroProfile Config activated: unset it (env "
                            + Settings.envName(ACTIVATED_PROFILE) + ")"));
        }
        if (!expected.equals(activated)) {
            return new ActiveProfile(
                    isProductionBaseline(name) ? name : name + " (not activated)",
                    Optional.of("MicroProfile Config activated "
                            + activated.map(p -> "the " + p + " profile").orElse("neither the dev nor the test profile")
                            + ", but " + PROFILE + " reads '" + written + "': name the profile with " + PROFILE
                            + " (env MP_CONFIG_PROFILE) only, not with smallrye.config.profile or a %profile. prefix"));
        }
        return new ActiveProfile(name, Optional.empty());
    }

    /**
     * Whether {@code profile} runs on the production baseline: every profile but {@code dev} and {@code test}, whose
     * values the properties file sets (any other name, e.g. {@code staging}, gets the baseline's values and so its
     * rules).
     */
    public static boolean isProductionBaseline(String profile) {
        return !"dev".equals(profile) && !"test".equals(profile);
    }

    /**
     * Reads this service's sections through {@code s}.
     *
     * @return the configuration, or {@code null} when a problem was recorded in {@code s} (the caller reads its own
     *     sections too, then fails listing every problem: {@link Settings#failIfProblems})
     */
    public static ServiceConfiguration read(Settings s) {
        return read(s, InsecureHttp.read(s));
    }

    /** {@link #read(Settings)} with the deployment's one reading of the clear-text rule. */
    public static ServiceConfiguration read(Settings s, InsecureHttp http) {
        ActiveProfile active = readProfile(s);
        active.problem().ifPresent(s::problem);
        String profile = active.name();
        UploadPolicy policy = PolicySection.read(s);
        MultipartPolicy multipart = MultipartSection.read(s);
        TenancyStrategy tenancy = TenancySection.read(s);
        AuthSection.Auth auth = AuthSection.read(s, profile, http);
        ModesSection.Transfers transfers = ModesSection.read(s, profile, http);
        URI publicUrl = s.requiredParsed(
                "service.public-url",
                "where clients reach this service, e.g. https://files.example.com: Location headers and file URLs are"
                        + " built from it, never from a request's Host",
                raw -> Settings.clientUrl(raw, "this service"));
        http.refuse("service.public-url", publicUrl, "browsers and clients send bearer tokens and file bytes to it");
        boolean requireSha256 = s.bool("upload.presigned.require-sha256", false);
        Duration sweepInterval = s.parsed("upload.pending.sweep-interval", "PT15M", Duration::parse);
        Duration grace = s.parsed("upload.pending.grace", "PT1H", Duration::parse);
        Duration usageRefresh =
                s.parsed("admin.usage.refresh-interval", "PT5M", ServiceConfiguration::atLeastOneSecond);
        if (!s.ok()) {
            return null;
        }
        return new ServiceConfiguration(
                profile,
                policy,
                multipart,
                tenancy,
                auth.access(),
                transfers.gatewayUrl(),
                transfers.modes(),
                new Housekeeping(sweepInterval, grace, usageRefresh),
                auth.identity(),
                auth.devToken(),
                publicUrl,
                transfers.gatewaySecret(),
                requireSha256);
    }

    private static Duration atLeastOneSecond(String raw) {
        Duration d = Duration.parse(raw);
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("must be at least PT1S");
        }
        return d;
    }
}
