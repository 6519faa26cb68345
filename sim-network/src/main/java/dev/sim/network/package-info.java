/**
 * The simulated network: {@link dev.sim.network.Network} decides each message's latency, loss and
 * duplication from a default link profile and per-link overrides ({@link dev.sim.network.Link}),
 * honours partitions, and takes runtime faults (partitions, one-way cuts, loss bursts). All its
 * randomness comes from one stream, {@code "network"}.
 */
package dev.sim.network;
