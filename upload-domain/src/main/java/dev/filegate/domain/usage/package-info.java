/**
 * The admin view's usage: files, bytes and pending uploads per tenant, answered from a {@code UsageSnapshot} that a
 * background job refreshes ({@code UsageReport#refresh}, the only place that calls the store), so that an overview or
 * a page of pending uploads costs no store call however much the store holds, and says how old it is.
 *
 * <p>A refresh only reads (it lists the tenant buckets and reads the pending-upload ledger), so any number of replicas
 * may run it at once, each answering from its own snapshot. Who sees which tenant is the {@code AccessPolicy}'s:
 * a tenant's admin its own tenant, an operator (or an admin where admins cross tenants) every tenant.
 */
package dev.filegate.domain.usage;
