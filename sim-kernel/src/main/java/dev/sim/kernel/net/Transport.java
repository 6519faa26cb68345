package dev.sim.kernel.net;

/**
 * Decides the fate of each message a node sends: when it arrives, whether it is lost, whether it is
 * duplicated. The kernel knows nothing of latency models or partitions; {@code sim-network}
 * implements this. Implementations draw randomness only from streams they own.
 */
public interface Transport {
  /**
   * Called when node {@code from} sends {@code message} to {@code to} at simulated time {@code
   * now}. Reports each copy to deliver with {@link Deliveries#deliverAt}, or the loss with {@link
   * Deliveries#lost}. Calling neither loses the message silently, which implementations avoid.
   */
  void send(int from, int to, Object message, long now, Deliveries out);

  /**
   * Called when a copy is about to be delivered; returns false if the link from {@code from} to
   * {@code to} is cut at {@code now}, in which case the kernel drops the copy as lost.
   */
  boolean deliverable(int from, int to, long now);

  /** Where a transport reports what became of one send. */
  interface Deliveries {
    /** Schedules a copy to arrive at simulated time {@code time} (≥ the send time). */
    void deliverAt(long time);

    /** Records that the message was lost, and why (e.g. {@code "loss"}, {@code "partition"}). */
    void lost(String cause);
  }

  /** Instant, lossless delivery: the kernel's default when no network is configured. */
  Transport PERFECT =
      new Transport() {
        @Override
        public void send(int from, int to, Object message, long now, Deliveries out) {
          out.deliverAt(now);
        }

        @Override
        public boolean deliverable(int from, int to, long now) {
          return true;
        }
      };
}
