/**
 * A tiny test language for kernel-level tests, shared with other modules through the kernel's
 * test-jar: {@link dev.sim.kernel.testing.TestCluster} builds and drives a simulation, {@link
 * dev.sim.kernel.testing.Recorder} nodes record what they saw and when, {@link
 * dev.sim.kernel.testing.SimTime} spells durations, {@link dev.sim.kernel.testing.Latency} gives
 * fixed-latency transports.
 */
package dev.sim.kernel.testing;
