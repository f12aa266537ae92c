/**
 * What a deployed filegate is told for a test run: its MicroProfile Config properties for the kit's store and tokens
 * ({@link dev.filegate.testkit.config.FilegateSettings}) and the forms a suite hands them to a server in (JVM
 * arguments, environment variables, a Liberty {@code server.env}). It may hold only the making and writing of that
 * configuration; it starts nothing.
 */
package dev.filegate.testkit.config;
