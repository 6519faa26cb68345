/**
 * What a plugin compiles against: the node-type SPI ({@link dev.sim.api.NodeType}, {@link
 * dev.sim.api.Param}, {@link dev.sim.api.BuildContext}, {@link dev.sim.api.NodeControls}), the
 * fault-kind SPI ({@link dev.sim.api.FaultKind}, {@link dev.sim.api.FaultControls}, {@link
 * dev.sim.api.Lasting}, {@link dev.sim.api.Target}, {@link dev.sim.api.Cut}), whole scenarios in
 * Java ({@link dev.sim.api.ScenarioPlugin}), {@link dev.sim.api.Problem} and the one name rule
 * ({@link dev.sim.api.Names}). Depends on the kernel only: no YAML, no charts.
 */
package dev.sim.api;
