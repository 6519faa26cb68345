package dev.sim.kernel.result;

/**
 * A change in a node's life: {@code crash}, {@code restart}, {@code pause}, {@code resume}.
 *
 * @param timeNanos simulated time
 * @param node node id
 * @param kind what changed
 * @param reason why, e.g. {@code fault}, {@code gc}, {@code out of memory}
 */
public record NodeEvent(long timeNanos, int node, String kind, String reason) {}
