/**
 * The admin view: {@code /admin/overview} (configuration without secrets, store health, usage per tenant) and
 * {@code /admin/pending} (pending uploads, a page at a time), scoped by the domain's access policy (a tenant's admin
 * sees its tenant; an operator sees every tenant and the store). Usage and pending uploads come from the last usage
 * snapshot, which {@code housekeeping.UsageRefreshJob} keeps fresh. Reads only; no endpoint here changes anything.
 */
package dev.filegate.api.admin;
