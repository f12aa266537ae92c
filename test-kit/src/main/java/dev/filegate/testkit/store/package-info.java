/**
 * The stores the kit starts for a run: S3Proxy in the test JVM (the default) or MinIO through Testcontainers, each
 * verifying SigV4 against credentials made up for the run, and the connection filegate and the tests reach them by.
 * Only starting, describing and stopping stores belongs here; what filegate is told about a store is {@code config}'s.
 */
package dev.filegate.testkit.store;
