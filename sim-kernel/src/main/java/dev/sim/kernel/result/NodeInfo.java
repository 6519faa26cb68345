package dev.sim.kernel.result;

/** A node of the run: its id, instance name and group. */
public record NodeInfo(int id, String name, String group) {}
