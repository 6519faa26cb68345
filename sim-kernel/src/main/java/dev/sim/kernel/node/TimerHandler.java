package dev.sim.kernel.node;

/** Handles one timer type; a timer may be stale (its reason gone), and the handler checks. */
@FunctionalInterface
public interface TimerHandler<T> {
  /** Called when a timer carrying {@code timer} fires. */
  void fire(T timer);
}
