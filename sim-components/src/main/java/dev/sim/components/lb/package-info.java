/** The {@code load-balancer} node type: its parameters and the node. */
package dev.sim.components.lb;
