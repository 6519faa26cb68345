/**
 * Per-node clocks: {@link dev.sim.network.clock.SkewedClocks} gives each node an offset, a drift in
 * parts per million and runtime jumps, and answers the kernel's questions about local time.
 */
package dev.sim.network.clock;
