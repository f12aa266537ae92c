/**
 * The caller as this service sees them ({@code /me}): subject, tenant and roles after the deployment's claim mapping,
 * so that a UI shows what the service will decide with instead of reading claims itself. Nothing but the caller's own.
 */
package dev.filegate.api.caller;
