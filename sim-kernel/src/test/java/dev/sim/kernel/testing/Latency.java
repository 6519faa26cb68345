package dev.sim.kernel.testing;

import dev.sim.kernel.net.Transport;

/** Simple transports for tests: a fixed one-way latency, lossless. */
public final class Latency {
  private Latency() {}

  /** Every message arrives exactly {@code nanos} after it is sent. */
  public static Transport constant(long nanos) {
    return new Transport() {
      @Override
      public void send(int from, int to, Object message, long now, Deliveries out) {
        out.deliverAt(now + nanos);
      }

      @Override
      public boolean deliverable(int from, int to, long now) {
        return true;
      }
    };
  }
}
