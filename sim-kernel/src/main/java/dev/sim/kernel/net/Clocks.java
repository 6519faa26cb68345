package dev.sim.kernel.net;

/**
 * Each node's local clock as a function of simulated time. {@code sim-network} implements offset,
 * drift and jumps; the kernel uses it to answer {@code localTime()} and to place timers, which run
 * on the local clock. The function must be non-decreasing between jumps.
 */
public interface Clocks {
  /** Node {@code node}'s local clock reading at simulated time {@code simTime}. */
  long localTime(int node, long simTime);

  /**
   * The simulated time, at or after {@code nowSim}, at which node {@code node}'s local clock will
   * read {@code localTarget} if nothing jumps meanwhile ({@code nowSim} if it already does).
   */
  long simTimeAt(int node, long localTarget, long nowSim);

  /** Every node's clock is the simulated time. */
  Clocks PERFECT =
      new Clocks() {
        @Override
        public long localTime(int node, long simTime) {
          return simTime;
        }

        @Override
        public long simTimeAt(int node, long localTarget, long nowSim) {
          return Math.max(localTarget, nowSim);
        }
      };
}
