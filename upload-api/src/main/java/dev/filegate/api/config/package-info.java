/**
 * The API's configuration: one section reader per group of keys ({@code upload.*} policy, tenancy, modes and gateway,
 * authentication), all reading through one {@link dev.filegate.api.config.Settings} that collects every problem
 * instead of stopping at the first. The deployable reads the store's section with the same {@code Settings} and
 * produces the result for injection; nothing here reads MicroProfile Config on its own.
 */
package dev.filegate.api.config;
