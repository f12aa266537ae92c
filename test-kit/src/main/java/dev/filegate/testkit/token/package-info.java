/**
 * Tokens filegate accepts: the run's RSA key ({@link dev.filegate.testkit.token.SigningKey}), the minter that signs
 * RS256 tokens for a tenant and roles with it (filegate's own {@code OrgId} and {@code Role}), and the token itself. Nothing here knows a store
 * or a server; it may hold only what making and naming tokens needs.
 */
package dev.filegate.testkit.token;
