/** The node programming model: nodes, their context, handlers and factories. */
package dev.sim.kernel.node;
