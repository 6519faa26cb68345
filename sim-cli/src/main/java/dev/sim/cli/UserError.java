package dev.sim.cli;

/** An error the user can act on: printed as its message alone, exit code 2, no stack trace. */
final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserError(String message) {
    super(message, null, false, false);
  }
}
