package dev.sim.stores.client;

import dev.sim.kernel.random.Rng;
import dev.sim.stores.client.KvClientParams.Mix;

/**
 * Draws each operation's kind from the mix's shares: one uniform draw against the cumulative
 * shares, in the fixed order of {@link OpKind#MIXED}, so the same stream gives the same operations.
 */
final class OpMix {
  private static final OpKind[] KINDS = OpKind.MIXED;
  private final double[] cumulative = new double[KINDS.length];

  OpMix(Mix mix) {
    double[] share = shares(mix);
    double sum = 0;
    for (int i = 0; i < share.length; i++) {
      sum += share[i];
      cumulative[i] = sum;
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException("the mix has no operation with a share above 0");
    }
    // Normalise so that rounding in shares that add up to 1 cannot leave a gap at the top.
    for (int i = 0; i < cumulative.length; i++) {
      cumulative[i] /= sum;
    }
  }

  /**
   * The shares of {@code mix} indexed by {@link OpKind#ordinal()}, which is the index in {@link
   * OpKind#MIXED} (the put comes after them); absent parts have none.
   */
  static double[] shares(Mix mix) {
    double[] s = new double[KINDS.length];
    if (mix.register() != null) {
      s[OpKind.REGISTER_READ.ordinal()] = mix.register().read();
      s[OpKind.REGISTER_WRITE.ordinal()] = mix.register().write();
      s[OpKind.CAS.ordinal()] = mix.register().cas();
    }
    if (mix.set() != null) {
      s[OpKind.SET_ADD.ordinal()] = mix.set().add();
      s[OpKind.SET_READ.ordinal()] = mix.set().read();
    }
    if (mix.counter() != null) {
      s[OpKind.COUNTER_INCR.ordinal()] = mix.counter().incr();
      s[OpKind.COUNTER_READ.ordinal()] = mix.counter().read();
    }
    return s;
  }

  /** The next operation's kind. */
  OpKind next(Rng rng) {
    double u = rng.nextDouble();
    for (int i = 0; i < cumulative.length; i++) {
      if (u < cumulative[i]) {
        return KINDS[i];
      }
    }
    // The last cumulative share is sum / sum, exactly 1, and u < 1.
    throw new IllegalStateException("no operation for draw " + u);
  }
}
