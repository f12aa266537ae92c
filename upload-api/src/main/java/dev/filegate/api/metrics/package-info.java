/**
 * The service's own metrics, in MicroProfile Metrics' application scope ({@code /metrics?scope=application},
 * Prometheus format): transfers by action, mode and outcome, their bytes and durations, refusals by reason. Tags are
 * fixed words only (never a tenant, subject, file id or URL), so a scrape reveals no tenant's activity by name and
 * the number of series stays bounded.
 */
package dev.filegate.api.metrics;
