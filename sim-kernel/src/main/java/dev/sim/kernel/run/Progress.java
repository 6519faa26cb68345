package dev.sim.kernel.run;

/**
 * Told how far a run has got, for a progress bar. Called on the simulation's own thread every
 * 65,536 events of {@link Simulation#run}, between events; it must not touch the simulation, so a
 * run with a listener is the same run, event for event, as one without.
 */
@FunctionalInterface
public interface Progress {
  /**
   * The run has processed {@code events} events and reached simulated time {@code nowNanos}.
   *
   * @param nowNanos the simulated time of the last event processed
   * @param events events processed so far
   */
  void at(long nowNanos, long events);

  /** Listens to nothing. */
  Progress NONE = (nowNanos, events) -> {};
}
