package dev.sim.stores.store;

import dev.sim.stores.protocol.DataKind;
import java.util.Locale;

/** The few words the store's answers are made of, so every detail reads the same way. */
final class Words {
  private Words() {}

  /** {@code 3 replicas (1 primary)}. */
  static String replicas(int replicas, int primaries) {
    return plural(replicas, "replica", "replicas")
        + " ("
        + plural(primaries, "primary", "primaries")
        + ")";
  }

  /** {@code 1 replica}, {@code 2 replicas}. */
  static String plural(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** {@code set}, {@code register}, {@code counter}. */
  static String kindName(DataKind k) {
    return k.name().toLowerCase(Locale.ROOT);
  }
}
