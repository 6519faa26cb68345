/** The {@code server} node type: its parameters, the node and its GC model. */
package dev.sim.components.server;
