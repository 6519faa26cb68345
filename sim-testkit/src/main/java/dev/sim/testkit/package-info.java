/**
 * The test harness for node types: a {@link dev.sim.testkit.Harness} puts a few instances of a
 * {@link dev.sim.api.NodeType} (or hand-written nodes) in a small simulation, built straight from
 * Java the way the scenario runtime builds it from YAML, schedules crashes, restarts, pauses and
 * other actions at simulated times, runs it, and reads counters, gauges and the request summary
 * from the result.
 *
 * <p>A plugin project adds {@code dev.sim:sim-testkit} with {@code <scope>test</scope>}; its main
 * code keeps depending on {@code sim-api} and {@code sim-kernel} only. No main code of the
 * simulator depends on this package either.
 *
 * <p>The kernel's own tests cannot use it (the testkit depends on the kernel, so Maven would see a
 * cycle); they keep their internal fixture, {@code dev.sim.kernel.testing.TestCluster} in the
 * kernel's test jar, which has the same scheduling vocabulary ({@code at}, {@code crash}, {@code
 * restart}, {@code pause}, {@code runFor}).
 */
package dev.sim.testkit;
