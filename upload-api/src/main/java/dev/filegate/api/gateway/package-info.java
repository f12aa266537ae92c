/**
 * The gateway's authorization endpoint ({@code /gateway/authz}, for nginx {@code auth_request} and Envoy
 * {@code ext_authz}): proves the gateway by its shared secret, then lets the domain's {@code GatewayAuthorizer} decide
 * and sign. HTTP mapping only; the decision lives in the domain.
 */
package dev.filegate.api.gateway;
