/**
 * The admin view ({@code /admin/overview}): configuration without secrets, store health, usage and pending uploads,
 * scoped by the domain's access policy (a tenant's admin sees its tenant; an operator sees every tenant and the
 * store). Reads only; no endpoint here changes anything.
 */
package dev.filegate.api.admin;
