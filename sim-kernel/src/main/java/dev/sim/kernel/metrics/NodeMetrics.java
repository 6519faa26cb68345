package dev.sim.kernel.metrics;

/**
 * The metrics a node records, attributed to that node and its group. Request latency is measured in
 * simulated time: {@link #offer} returns an opaque start stamp that {@link #finish} consumes, so
 * node code never needs to read simulated time itself.
 */
public interface NodeMetrics {
  /** Counts a new request offered by a client; returns the stamp to pass to {@link #finish}. */
  long offer();

  /** Counts one try actually sent for a request (the first try and every retry or hedge). */
  void attempt();

  /**
   * Records a request's final outcome. {@code harvest} is the fraction of the data the answer
   * reflects, in [0, 1], and matters only for {@link Outcome#OK}.
   */
  void finish(long offerStamp, Outcome outcome, double harvest);

  /** Adds {@code delta} to the named counter of this node's group (and of the run). */
  void count(String name, long delta);

  /** Sets this node's named gauge to {@code value} from now on. */
  void gauge(String name, double value);
}
