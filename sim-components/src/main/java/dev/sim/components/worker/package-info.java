/** The {@code worker} node type: a pool of consumers of a queue with a downstream call each. */
package dev.sim.components.worker;
