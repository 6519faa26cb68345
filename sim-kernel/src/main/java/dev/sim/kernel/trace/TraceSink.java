package dev.sim.kernel.trace;

/**
 * Receives every processed event as it happens, e.g. to write {@code trace.jsonl}. A sink must not
 * influence the run; it is called on the kernel thread.
 */
public interface TraceSink extends AutoCloseable {
  /**
   * One processed event.
   *
   * @param time simulated time
   * @param kind what it was
   * @param node the node concerned, or -1
   * @param other the sender for messages, else -1
   * @param type payload class simple name or control label
   * @param detail the payload's {@code toString()} or a cause, may be empty
   */
  void event(long time, EventKind kind, int node, int other, String type, String detail);

  /** A node's log line. */
  void log(long time, int node, String message);

  /** A message lost at send time (it never became an event). */
  void lostAtSend(long time, int from, int to, String type, String cause);

  @Override
  default void close() {}
}
