/**
 * The benchmark harness ({@code ./bench}): {@link dev.filegate.bench.Harness} starts the stack, runs each measurement
 * and writes one Markdown results file per run (machine, command, load, tables, gaps against the targets).
 */
package dev.filegate.bench;
