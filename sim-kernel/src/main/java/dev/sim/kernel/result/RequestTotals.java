package dev.sim.kernel.result;

/**
 * Request counts. A request a client retried counts once; {@code attempts} counts every try sent.
 *
 * @param offered requests offered by clients
 * @param ok requests answered successfully
 * @param failed requests that ended in an error
 * @param timedOut requests that ended with no answer in time
 * @param rejected requests refused by overload errors or client-side throttling
 * @param attempts tries actually sent (first tries, retries and hedges)
 * @param unfinished requests still open when the run stopped (offered, not answered)
 */
public record RequestTotals(
    long offered,
    long ok,
    long failed,
    long timedOut,
    long rejected,
    long attempts,
    long unfinished) {

  /** Requests that reached a final outcome. */
  public long ended() {
    return ok + failed + timedOut + rejected;
  }
}
