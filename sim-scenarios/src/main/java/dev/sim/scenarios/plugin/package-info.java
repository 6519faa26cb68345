/**
 * The plugins a run may use, found by unique name through {@link java.util.ServiceLoader}: node
 * types ({@link dev.sim.scenarios.plugin.NodeTypeRegistry}) and whole scenarios written in Java
 * ({@link dev.sim.scenarios.plugin.ScenarioPlugins}).
 */
package dev.sim.scenarios.plugin;
