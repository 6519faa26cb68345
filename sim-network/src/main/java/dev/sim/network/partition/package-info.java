/**
 * Network partitions: node groups that cannot reach each other and one-way cuts, several active at
 * once, each healed by its own id. {@link dev.sim.network.partition.Partitions#isCut} is on the
 * path of every send and delivery and costs one field read while nothing is cut.
 */
package dev.sim.network.partition;
