package dev.sim.kernel.node;

/**
 * A named, always-on invariant of a protocol was broken. Thrown from a node's handler (or an
 * observer it calls), it ends the run like any other exception — exit code 1, with the node, the
 * simulated time and the event — and the command line names the invariant and the seed that replays
 * it instead of printing a stack trace.
 */
public final class InvariantViolation extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What the run's failure message starts with: the class name and {@code ": invariant '"}. */
  public static final String PREFIX = InvariantViolation.class.getName() + ": invariant '";

  private final String invariant;

  /**
   * A violation of {@code invariant} (its name, e.g. {@code at most one value chosen}) described by
   * {@code detail} (what was seen, e.g. the two values and who chose them).
   */
  public InvariantViolation(String invariant, String detail) {
    super("invariant '" + invariant + "' broken: " + detail);
    this.invariant = invariant;
  }

  /** The invariant's name. */
  public String invariant() {
    return invariant;
  }
}
