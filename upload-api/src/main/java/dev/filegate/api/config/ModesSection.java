package dev.filegate.api.config;

import dev.filegate.api.config.ServiceConfiguration.DownloadMode;
import dev.filegate.api.config.ServiceConfiguration.Modes;
import dev.filegate.api.config.ServiceConfiguration.UploadMode;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * How bytes move: {@code upload.modes}, {@code download.mode}, and the gateway they may need ({@code gateway.*}).
 */
final class ModesSection {

    /** The modes, and the gateway's URL and secret (present whenever a gateway mode is enabled). */
    record Transfers(Modes modes, Optional<URI> gatewayUrl, Optional<SharedSecret> gatewaySecret) {}

    private ModesSection() {}

    /** @return the transfers, or {@code null} with the problems recorded in {@code s} */
    static Transfers read(Settings s, String profile, InsecureHttp http) {
        List<String> uploadNames = s.list("upload.modes", "proxy");
        List<UploadMode> upload = uploadNames == null
                ? null
                : s.build(
                        "upload.modes",
                        () -> uploadNames.stream()
                                .map(name -> Settings.enumValue(UploadMode.class, name))
                                .distinct()
                                .toList());
        DownloadMode download = s.parsed("download.mode", "proxy", v -> Settings.enumValue(DownloadMode.class, v));
        Modes modes =
                upload != null && download != null ? s.build("upload.modes", () -> new Modes(upload, download)) : null;

        boolean gatewayMode = upload != null && upload.contains(UploadMode.GATEWAY) || download == DownloadMode.GATEWAY;
        Optional<URI> gatewayUrl =
                s.optionalParsed("gateway.public-url", raw -> Settings.clientUrl(raw, "the gateway"));
        gatewayUrl.ifPresent(url -> http.refuse(
                "gateway.public-url", url, "clients send bearer tokens and file bytes through the gateway"));
        if (gatewayUrl.isEmpty() && gatewayMode) {
            s.problem("gateway.public-url is required when a gateway mode is enabled (env GATEWAY_PUBLIC_URL)");
        }
        // Only the gateway may ask for store signatures: it proves itself with this secret on every authz call.
        Optional<String> secret = s.optional("gateway.shared-secret");
        if (gatewayMode && secret.map(String::length).orElse(0) < SharedSecret.MIN_LENGTH) {
            s.problem("gateway.shared-secret is required when a gateway mode is enabled: at least "
                    + SharedSecret.MIN_LENGTH
                    + " characters, also given to the gateway (env GATEWAY_SHARED_SECRET; e.g. openssl rand -hex 32)");
        } else if (gatewayMode && ServiceConfiguration.isProductionBaseline(profile)) {
            // Whoever guesses it gets store signatures for any key: a placeholder is no secret.
            secret.flatMap(SharedSecret::placeholder)
                    .ifPresent(why -> s.problem("gateway.shared-secret looks like a placeholder or a made-up value ("
                            + why + "): generate one, e.g. openssl rand -hex 32, and give it to the gateway too"));
        }
        return modes == null ? null : new Transfers(modes, gatewayUrl, secret.map(SharedSecret::new));
    }
}
