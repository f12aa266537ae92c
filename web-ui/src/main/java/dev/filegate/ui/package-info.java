/**
 * The web UI's server side: only what serving static pages safely needs (security headers). The pages themselves
 * live in {@code META-INF/resources} and talk to {@code /api/v1} like any other client; no business logic here.
 */
package dev.filegate.ui;
