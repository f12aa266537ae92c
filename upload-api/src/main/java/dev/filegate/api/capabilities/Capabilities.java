package dev.filegate.api.capabilities;

import dev.filegate.api.config.Identity;
import dev.filegate.api.config.PolicyLimits;
import dev.filegate.api.config.PolicyLimits.ExpirySeconds;
import dev.filegate.api.config.PolicyLimits.TypeLimit;
import dev.filegate.api.config.ServiceConfiguration;
import dev.filegate.api.config.ServiceConfiguration.UploadMode;
import dev.filegate.domain.policy.MultipartPolicy;
import dev.filegate.domain.policy.UploadPolicy;
import java.util.List;

/** What this deployment offers clients and UIs (JSON-B, snake_case). */
public record Capabilities(
        List<String> uploadModes,
        String downloadMode,
        List<String> proxyUploadEncodings,
        String gatewayUrl,
        String tenancy,
        long maxSize,
        List<TypeLimit> maxSizeByType,
        List<String> allowedTypes,
        int filenameMaxBytes,
        ExpirySeconds expirySeconds,
        Multipart multipart,
        Auth auth) {

    /**
     * Resumable uploads in parts (presigned mode only, else absent): the Uppy-compatible routes under {@code
     * endpoint} (with {@code {org}} to fill in), the size from which to use them, the part size to use, and how long
     * an upload may go without a new part before it is aborted.
     */
    public record Multipart(String endpoint, long threshold, long partSize, long maxIdleSeconds) {}

    /**
     * How callers authenticate: a bearer token naming its tenant in {@code org_claim} and its roles in {@code
     * roles_claim} (claim names, or dotted paths into nested claims), and, where configured, how the web UI signs people
     * in with the deployment's OpenID Connect provider.
     */
    public record Auth(String scheme, String orgClaim, String rolesClaim, boolean devToken, SignIn oidc) {}

    /** Authorization Code with PKCE against {@code issuer}, as the public client {@code client_id}. */
    public record SignIn(String issuer, String clientId, String scope, String audience) {}

    static Capabilities of(ServiceConfiguration configuration) {
        UploadPolicy policy = configuration.policy();
        return new Capabilities(
                PolicyLimits.uploadModes(configuration),
                configuration.modes().download().wire(),
                List.of("raw", "multipart/form-data"),
                configuration.gatewayUrl().map(Object::toString).orElse(""),
                configuration.tenancy().name(),
                policy.maxSize().bytes(),
                PolicyLimits.sizeLimits(policy),
                policy.allowList().patterns(),
                policy.filenameRules().maxBytes(),
                PolicyLimits.expirySeconds(policy),
                multipart(configuration),
                auth(configuration));
    }

    private static Auth auth(ServiceConfiguration configuration) {
        Identity identity = configuration.identity();
        SignIn signIn = identity.signIn()
                .map(o -> new SignIn(
                        o.issuer().toString(),
                        o.clientId(),
                        o.scope(),
                        o.audience().orElse(null)))
                .orElse(null);
        return new Auth(
                "Bearer",
                identity.org().text(),
                identity.roles().text(),
                configuration.devToken().enabled(),
                signIn);
    }

    private static Multipart multipart(ServiceConfiguration configuration) {
        if (!configuration.modes().allows(UploadMode.PRESIGNED)) {
            return null;
        }
        MultipartPolicy m = configuration.multipart();
        return new Multipart(
                configuration.apiBase() + "orgs/{org}/uploads",
                m.threshold().bytes(),
                m.partSize().bytes(),
                m.maxIdle().toSeconds());
    }
}
