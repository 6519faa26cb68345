package dev.sim.components.grid;

/**
 * Users to a grid node, once a round: send {@code rate} requests per second to this node from now
 * on (its own users' and those failed over to it); a rate of 0 only asks whether it is up.
 *
 * @param round the users' round number, echoed in the answer
 * @param rate requests per second this sender sends the node from now on
 */
record Demand(long round, double rate) {}
