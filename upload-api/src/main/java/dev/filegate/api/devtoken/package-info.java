/**
 * Development sign-in: mints short-lived RS256 tokens with a locally generated key so that a newcomer can call the
 * API within minutes. Registered only when {@code dev.token.enabled=true}, which the configuration refuses outside
 * the {@code dev} profile; in every other profile the endpoint does not exist.
 */
package dev.filegate.api.devtoken;
