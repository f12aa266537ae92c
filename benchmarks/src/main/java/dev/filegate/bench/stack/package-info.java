/**
 * The processes a benchmark run starts on loopback, each on a port picked free at run time: the store (S3Proxy), a
 * plain nginx relay in front of it, and the service on its own Open Liberty server (dev profile).
 */
package dev.filegate.bench.stack;
