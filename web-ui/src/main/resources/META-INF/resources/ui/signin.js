// filegate web UI: signing in with the deployment's OpenID Connect provider (capabilities.auth.oidc), through the
// vendored oidc-client-ts: Authorization Code with PKCE as a public client. The tokens stay in this page's memory
// (a reload signs out of the page, not of the provider), are renewed with the refresh token before they expire, and
// signing out ends the provider's session too. Only the PKCE verifier and state of a sign-in under way are kept in
// sessionStorage, for the round trip to the provider. app.js owns what a session shows.
'use strict';

const providerSignIn = (() => {
  let manager = null;

  function settings(config) {
    // The page itself (the UI's root, however it was addressed): the one redirect URI registered at the provider.
    const here = new URL('./', location.href).href;
    return {
      authority: config.issuer,
      client_id: config.client_id,
      redirect_uri: here,
      post_logout_redirect_uri: here,
      response_type: 'code',
      scope: config.scope,
      extraQueryParams: config.audience ? { audience: config.audience } : {},
      // Every store named: tokens in memory; a sign-in under way (state, PKCE verifier) in this tab's sessionStorage,
      // which the library would otherwise keep in localStorage, shared by every tab and kept for good.
      userStore: new window.oidc.WebStorageStateStore({ store: new window.oidc.InMemoryWebStorage() }),
      stateStore: new window.oidc.WebStorageStateStore({ store: window.sessionStorage }),
      automaticSilentRenew: true,
      accessTokenExpiringNotificationTimeInSeconds: 30,
      monitorSession: false,
      loadUserInfo: false,
    };
  }

  /** Whether this page load is the provider sending the browser back with a code (or an error). */
  function isRedirectBack() {
    const params = new URLSearchParams(location.search);
    return params.has('state') && (params.has('code') || params.has('error'));
  }

  return {
    /**
     * Sets up the client. `events.signedIn(user)` is called for every token: the first one and each renewal;
     * `events.ended(message)` when the session ends without the person signing out.
     * Answers the user when this page load completes a sign-in, else null.
     */
    async start(config, events) {
      manager = new window.oidc.UserManager(settings(config));
      manager.events.addUserLoaded((user) => events.signedIn(user));
      // A session that ends without signing out is forgotten too: no refresh token stays behind, no renewal goes on.
      const ended = (why) => manager.removeUser().finally(() => events.ended(why));
      manager.events.addSilentRenewError((e) => ended(`The session could not be renewed (${e.message}).`));
      manager.events.addAccessTokenExpired(() => ended('The session expired.'));
      await manager.clearStaleState(); // sign-ins abandoned at the provider
      if (!isRedirectBack()) return null;
      try {
        const user = await manager.signinRedirectCallback();
        return user;
      } finally {
        // The code and state are spent: they leave the address bar and the history, the page's route comes back.
        const route = sessionStorage.getItem('filegate.signin.route') || '';
        sessionStorage.removeItem('filegate.signin.route');
        history.replaceState(null, '', location.pathname + route);
      }
    },

    /** Sends the browser to the provider's sign-in page; it comes back to this page and route. */
    signIn() {
      sessionStorage.setItem('filegate.signin.route', location.hash);
      return manager.signinRedirect();
    },

    /** Ends the session here and at the provider, which sends the browser back to the sign-in screen. */
    async signOut() {
      const user = await manager.getUser();
      await manager.removeUser();
      return manager.signoutRedirect({ id_token_hint: user ? user.id_token : undefined });
    },

    /** Forgets the session here only (a token the service refused). */
    forget() {
      return manager ? manager.removeUser() : Promise.resolve();
    },
  };
})();
