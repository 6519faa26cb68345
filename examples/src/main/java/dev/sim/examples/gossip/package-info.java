/**
 * An example plugin: a push-gossip node type, a fault kind ({@code mute}: a node hears but cannot
 * speak) and a scenario written in Java. One node starts with a rumor; every round each node that
 * knows it tells {@code fanout} random peers. Watch the {@code infected} counter trace the
 * epidemic's S-curve, and mute the origin, lose messages or partition the network to slow it down.
 */
package dev.sim.examples.gossip;
