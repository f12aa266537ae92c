/**
 * What the harness measures with: timed streaming transfers (bodies generated and discarded on the fly, never held
 * whole), closed-loop request load at a fixed concurrency, and a sampler of the service's heap and RSS.
 */
package dev.filegate.bench.measure;
