package dev.sim.stores.client;

import dev.sim.kernel.random.Rng;
import dev.sim.stores.client.KvClientParams.Coordinator;
import java.util.Arrays;

/**
 * Chooses the store member that coordinates each try: always the same one ({@code fixed}), one
 * drawn uniformly ({@code random}), or the one with the lowest latency estimate ({@code nearest}).
 * The estimate is an exponentially weighted moving average of the member's answer times, a timeout
 * counting as the whole timeout; members never measured are tried first, in order, and a share
 * {@code explore} of tries goes to a random other member so that an estimate that was bad once can
 * recover. Members are indexes into the target's instances.
 */
final class Coordinators {
  /** Weight of the newest sample in the moving average. */
  static final double EWMA_WEIGHT = 0.3;

  private final int[] members;
  private final Coordinator mode;
  private final int fixed;
  private final double explore;
  private final Rng rng;
  // Nearest: the estimate per member in nanoseconds, NaN before its first sample.
  private final double[] estimateNanos;

  /**
   * @param members the target's instance ids, at least one
   * @param fixedIndex with {@code fixed}: the member's index (taken modulo their number)
   * @param rng the stream for random choices and exploration
   */
  Coordinators(int[] members, Coordinator mode, int fixedIndex, double explore, Rng rng) {
    if (members.length == 0) {
      throw new IllegalArgumentException("no store member to send operations to");
    }
    this.members = members.clone();
    this.mode = mode == null ? Coordinator.FIXED : mode;
    this.fixed = Math.floorMod(fixedIndex, members.length);
    this.explore = explore;
    this.rng = rng;
    this.estimateNanos = new double[members.length];
    Arrays.fill(estimateNanos, Double.NaN);
  }

  /** The index of the member to coordinate the next try. */
  int pick() {
    int n = members.length;
    return switch (mode) {
      case FIXED -> fixed;
      case RANDOM -> n == 1 ? 0 : rng.nextInt(n);
      case NEAREST -> nearest();
    };
  }

  private int nearest() {
    int n = members.length;
    int best = -1;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(estimateNanos[i])) {
        return i;
      }
      if (best < 0 || estimateNanos[i] < estimateNanos[best]) {
        best = i;
      }
    }
    if (n > 1 && explore > 0 && rng.nextDouble() < explore) {
      // Uniform over the others: skip over the best.
      int other = rng.nextInt(n - 1);
      return other >= best ? other + 1 : other;
    }
    return best;
  }

  /** The instance id of member {@code index}. */
  int id(int index) {
    return members[index];
  }

  /** Records that member {@code index} answered (or timed out) after {@code nanos}. */
  void observe(int index, long nanos) {
    if (mode != Coordinator.NEAREST) {
      return;
    }
    double e = estimateNanos[index];
    estimateNanos[index] = Double.isNaN(e) ? nanos : e + EWMA_WEIGHT * (nanos - e);
  }

  /** Member {@code index}'s latency estimate in nanoseconds; NaN before its first sample. */
  double estimateNanos(int index) {
    return estimateNanos[index];
  }
}
