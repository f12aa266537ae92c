/**
 * The identity provider of the {@code oidc} server configuration: a real Keycloak from Maven Central, on loopback, with
 * a realm imported from {@code src/test/keycloak}, started and stopped by the suites. Nothing here signs tokens itself.
 */
package dev.filegate.it.support.idp;
