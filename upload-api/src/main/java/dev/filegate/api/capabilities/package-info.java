/**
 * What the deployment offers ({@code /capabilities}): transfer modes, limits and allowed types, readable without a
 * token. Nothing secret and no store endpoint may be added here.
 */
package dev.filegate.api.capabilities;
