/**
 * The test kit's entry point: {@link dev.filegate.testkit.FilegateTestKit}, the JUnit 5 extension (and plain
 * {@code AutoCloseable}) that starts a store, makes a token key and produces filegate's configuration for a user's
 * suite. Only what ties the other packages together into that one lifecycle belongs here; tokens, stores and
 * configuration live in their own packages.
 */
package dev.filegate.testkit;
