/**
 * Running a simulation: the event loop, node lifecycle, run limits. {@link
 * dev.sim.kernel.run.Simulation} is the entry point, configured by {@link
 * dev.sim.kernel.run.SimulationBuilder}; its class comment lists the package-private parts it is
 * made of and the order in which to read them.
 */
package dev.sim.kernel.run;
