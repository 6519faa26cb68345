package dev.sim.api;

/**
 * What a node type knows about the instance it builds. Node references in parameters (e.g. {@code
 * target: lb}) are resolved to ids inside {@code Node.start} through {@code NodeContext.members}.
 */
public interface BuildContext {
  /** The instance name, e.g. {@code api-2}. */
  String instance();

  /** The group name, e.g. {@code api}. */
  String group();

  /** The instance's index within its group, from 0. */
  int index();

  /** Run-time knobs the fault schedule turns for this instance (e.g. the slow-down factor). */
  NodeControls controls();

  /**
   * The simulated time at which the run ends (the scenario's {@code duration}), in nanoseconds; -1
   * when the node is built outside a run that says. A workload that must stop before the end (to
   * read back what it wrote, say) reads it.
   */
  long runEndNanos();

  /** A context with the given values and no known end of the run. */
  static BuildContext of(String instance, String group, int index, NodeControls controls) {
    return new Values(instance, group, index, controls, -1);
  }

  /** A context with the given values (the runtime's, and tests'). */
  static BuildContext of(
      String instance, String group, int index, NodeControls controls, long runEndNanos) {
    return new Values(instance, group, index, controls, runEndNanos);
  }

  /** The plain implementation behind {@link #of}. */
  record Values(String instance, String group, int index, NodeControls controls, long runEndNanos)
      implements BuildContext {}
}
