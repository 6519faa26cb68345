/**
 * An example plugin: a push-gossip node type. One node starts with a rumor; every round each node
 * that knows it tells {@code fanout} random peers. Watch the {@code infected} counter trace the
 * epidemic's S-curve, and lose messages or partition the network to slow it down.
 */
package dev.sim.examples.gossip;
