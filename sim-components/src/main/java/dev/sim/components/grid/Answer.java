package dev.sim.components.grid;

/**
 * A grid node's answer to a {@link Demand}: the share of the sender's requests it serves, its load,
 * and the nodes its users fail over to when it stops answering (as DNS hands out fallback
 * addresses), which the users keep.
 *
 * @param round the demand's round
 * @param served the fraction of the demand served, in [0, 1]: below 1 when the node's load is above
 *     its capacity
 * @param loadRatio the node's load over its capacity, counting this demand
 * @param neighbours the node ids its users fail over to
 */
record Answer(long round, double served, double loadRatio, int[] neighbours) {}
