/**
 * Tenants and who may act on them: {@code OrgId}, the caller, the access rule, and where a tenant's objects live
 * (one shared bucket with a key prefix, or a bucket per tenant).
 */
package dev.filegate.domain.tenant;
