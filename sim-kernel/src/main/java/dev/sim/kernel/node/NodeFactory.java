package dev.sim.kernel.node;

/** Builds a node instance: once at the start of a run and again at each restart. */
@FunctionalInterface
public interface NodeFactory {
  /** Returns a fresh node; it must not send or set timers until {@link Node#start}. */
  Node create();
}
