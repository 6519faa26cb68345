package dev.sim.components.rpc;

import dev.sim.kernel.node.Sized;

/**
 * The answer to a {@link Request}.
 *
 * @param id the request's id, as the sender chose it
 * @param attempt the request's attempt, echoed
 * @param status how it went
 * @param harvest the fraction of the data the answer reflects, in [0, 1]; 1 unless downstream
 *     answers were missing, and meaningful only when {@code status} is {@link Status#OK}
 * @param sizeBytes size on the wire, which a link with a bandwidth turns into delay; a load
 *     balancer relaying the answer keeps it
 */
public record Response(long id, int attempt, Status status, double harvest, long sizeBytes)
    implements Sized {
  /** A short form for traces and space-time diagrams, e.g. {@code Response 17 OK}. */
  @Override
  public String toString() {
    String s = "Response " + id + " " + status;
    return harvest < 1 && status == Status.OK ? s + " harvest " + harvest : s;
  }

  /**
   * The bodiless answer to {@code r} (0 bytes) with the given status and full harvest: errors,
   * overload rejections and health checks.
   */
  public static Response to(Request r, Status status) {
    return new Response(r.id(), r.attempt(), status, status == Status.OK ? 1.0 : 0.0, 0);
  }
}
