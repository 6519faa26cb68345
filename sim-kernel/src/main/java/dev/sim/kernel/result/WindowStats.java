package dev.sim.kernel.result;

/**
 * Request figures of one time window. Outcomes and latency are attributed to the window in which
 * the request was offered, so a window's yield is always within [0, 1]; attempts are attributed to
 * the window in which each try was sent.
 *
 * @param index window number, from 0
 * @param startNanos simulated start of the window
 * @param offered requests offered in the window
 * @param ok of those, answered successfully
 * @param failed of those, ended in error
 * @param timedOut of those, timed out
 * @param rejected of those, rejected
 * @param attempts tries sent during the window
 * @param yield ok / offered for this window's requests (one still open at the end of the run counts
 *     as not answered), NaN if none were offered
 * @param harvest mean harvest of this window's successful requests, NaN if none
 * @param latencyP50Ms median latency of this window's successful requests
 * @param latencyP90Ms 90th percentile
 * @param latencyP99Ms 99th percentile
 * @param latencyMaxMs maximum
 * @param allP50Ms median latency of every finished request of this window (ok, failed, timed out or
 *     rejected; a timed-out one at the moment the client gave up), NaN if none finished
 * @param allP90Ms 90th percentile of the same
 * @param allP99Ms 99th percentile of the same
 * @param allMaxMs maximum of the same
 */
public record WindowStats(
    int index,
    long startNanos,
    long offered,
    long ok,
    long failed,
    long timedOut,
    long rejected,
    long attempts,
    double yield,
    double harvest,
    double latencyP50Ms,
    double latencyP90Ms,
    double latencyP99Ms,
    double latencyMaxMs,
    double allP50Ms,
    double allP90Ms,
    double allP99Ms,
    double allMaxMs) {

  /** A window without the latency of all finished requests (a result written before it). */
  public WindowStats(
      int index,
      long startNanos,
      long offered,
      long ok,
      long failed,
      long timedOut,
      long rejected,
      long attempts,
      double yield,
      double harvest,
      double latencyP50Ms,
      double latencyP90Ms,
      double latencyP99Ms,
      double latencyMaxMs) {
    this(
        index,
        startNanos,
        offered,
        ok,
        failed,
        timedOut,
        rejected,
        attempts,
        yield,
        harvest,
        latencyP50Ms,
        latencyP90Ms,
        latencyP99Ms,
        latencyMaxMs,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN);
  }
}
