package dev.sim.components.rpc;

/** How a server answered a {@link Request}. */
public enum Status {
  /** Served; the response's harvest says how complete the answer is. */
  OK,
  /** Failed (e.g. a downstream call failed, or no backend was available). */
  ERROR,
  /** Refused because the server is overloaded: its queue is full or it shed the request. */
  OVERLOADED
}
