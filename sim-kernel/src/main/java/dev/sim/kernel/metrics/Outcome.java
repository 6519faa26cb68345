package dev.sim.kernel.metrics;

/** How a request ended, as seen by the client that offered it. */
public enum Outcome {
  /** Answered successfully (possibly with harvest below 1). */
  OK,
  /** Answered with an error, or gave up after errors. */
  FAILED,
  /** No answer within the client's timeout, after every retry. */
  TIMED_OUT,
  /** Refused: by a server's overload error, or locally by client-side throttling. */
  REJECTED
}
