/**
 * Binds a node group's YAML keys into its node type's parameter record, driven by each component's
 * {@link dev.sim.api.Param}, and renders the parameter docs that {@code sim list} and {@code sim
 * explain} print.
 */
package dev.sim.scenarios.bind;
