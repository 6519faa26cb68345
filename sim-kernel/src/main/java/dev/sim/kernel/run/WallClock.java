package dev.sim.kernel.run;

/**
 * A source of wall-clock nanoseconds, injected by the CLI for the wall-time limit. Simulation code
 * never reads wall time itself (determinism rule 1 in docs/architecture.md).
 */
@FunctionalInterface
public interface WallClock {
  /** Monotonic wall-clock nanoseconds. */
  long nanos();

  /** A clock that never advances: the wall limit never triggers. */
  WallClock NONE = () -> 0L;
}
