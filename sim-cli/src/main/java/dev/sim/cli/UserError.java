package dev.sim.cli;

/**
 * An error the user can act on: printed as its message alone, exit code {@link
 * ExitCodes#INVALID_INPUT}, no stack trace.
 */
public final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error whose message says what is wrong and what to do, e.g. naming file:line:column. */
  public UserError(String message) {
    super(message, null, false, false);
  }
}
