package dev.sim.protocols.twogenerals;

/**
 * The probability that the two generals disagree, in closed form.
 *
 * <p>A attacks only if an acknowledgement reached it, which implies a messenger reached B; so the
 * only disagreement is B attacking alone: at least one of A's k messengers got through but every
 * acknowledgement was lost. With each crossing lost independently with probability p and a
 * acknowledgements per messenger that arrives, each of A's messengers yields no acknowledgement
 * with probability q = p + (1 − p)·p^a, so
 *
 * <pre>P(disagree) = q^k − p^k</pre>
 *
 * (no acknowledgement at all, minus the case where no messenger arrived either and both hold). It
 * falls with k but is positive for every k when 0 &lt; p &lt; 1. It assumes every crossing takes
 * less time than there is until the attack.
 */
public final class TwoGeneralsModel {
  private TwoGeneralsModel() {}

  /** P(disagree) for loss {@code loss}, {@code messengers} and {@code acks} per messenger. */
  public static double disagreement(double loss, int messengers, int acks) {
    double q = loss + (1 - loss) * StrictMath.pow(loss, acks);
    return StrictMath.pow(q, messengers) - StrictMath.pow(loss, messengers);
  }
}
