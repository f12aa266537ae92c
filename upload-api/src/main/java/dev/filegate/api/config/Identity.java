package dev.filegate.api.config;

import java.net.URI;
import java.util.Optional;

/**
 * Who callers are, beyond what Liberty verifies ({@code mp.jwt.verify.*}): where their tokens name the tenant and the
 * roles, and how the web UI signs people in.
 *
 * @param org the claim naming the caller's tenant ({@code auth.org-claim})
 * @param roles the claim listing the caller's roles ({@code auth.roles-claim})
 * @param signIn the web UI's OpenID Connect sign-in, absent unless {@code auth.oidc.client-id} is set
 */
public record Identity(ClaimPath org, ClaimPath roles, Optional<OidcSignIn> signIn) {

    /**
     * Authorization Code with PKCE, as a public browser client, against the issuer whose tokens the service accepts:
     * the issuer is {@code mp.jwt.verify.issuer} itself, so that what the UI signs in with and what the service
     * verifies cannot disagree.
     *
     * @param issuer the provider's issuer URL (its discovery document is at {@code /.well-known/openid-configuration})
     * @param clientId the UI's client id at the provider
     * @param scope the scopes asked for, space-separated, {@code openid} among them
     * @param audience an {@code audience} parameter for providers that choose the token's audience by it, if any
     */
    public record OidcSignIn(URI issuer, String clientId, String scope, Optional<String> audience) {}
}
