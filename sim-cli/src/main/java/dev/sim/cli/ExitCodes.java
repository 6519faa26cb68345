package dev.sim.cli;

/** The exit codes of the command-line contract (docs/scenario-format.md). */
public final class ExitCodes {
  /** Ran, and every expectation held. */
  public static final int OK = 0;

  /** The simulation itself failed (a node's code threw), or the run hit a runaway limit. */
  public static final int SIMULATION_FAILED = 1;

  /** Invalid input or usage: the message names file:line:column. */
  public static final int INVALID_INPUT = 2;

  /** Ran, and an expectation failed. */
  public static final int EXPECTATION_FAILED = 3;

  /** {@code sim check}: the history is not valid for its model (the same code as a failed run). */
  public static final int HISTORY_INVALID = 3;

  /** {@code sim check}: the deadline passed before a verdict; never reported as valid. */
  public static final int HISTORY_UNKNOWN = 4;

  private ExitCodes() {}
}
