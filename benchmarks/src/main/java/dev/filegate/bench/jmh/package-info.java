/**
 * JMH micro-benchmarks of the service's hot pure code: storage key generation, the upload and access policy checks,
 * and SigV4 signing with one presigner reused as the service reuses it. Compiled with the build, run only by
 * {@code ./bench --jmh}.
 */
package dev.filegate.bench.jmh;
