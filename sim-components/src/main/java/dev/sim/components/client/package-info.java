/**
 * The {@code client} node type: its parameters, the node, and the pieces it is made of (the arrival
 * process, back-off, and the sliding counts of the retry budget and adaptive throttling).
 */
package dev.sim.components.client;
