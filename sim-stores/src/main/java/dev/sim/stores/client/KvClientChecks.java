package dev.sim.stores.client;

import dev.sim.api.Problem;
import dev.sim.components.client.ClientType;
import dev.sim.kernel.time.Durations;
import dev.sim.stores.client.KvClientParams.Coordinator;
import dev.sim.stores.client.KvClientParams.KeyDistribution;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks across a {@code kv-client}'s keys that single values cannot make: the mix's shares,
 * the key distribution's own keys, the timeout against the final reads. Each problem names its key
 * and says what was expected and what was found.
 */
final class KvClientChecks {
  /** How far the mix's shares may add up from 1 (rounding in decimal shares like 0.1). */
  static final double SUM_TOLERANCE = 1e-9;

  private static final String[] SHARE_KEYS = {
    "mix.register.read",
    "mix.register.write",
    "mix.register.cas",
    "mix.set.add",
    "mix.set.read",
    "mix.counter.incr",
    "mix.counter.read"
  };

  private KvClientChecks() {}

  static List<Problem> check(KvClientParams p) {
    List<Problem> problems = new ArrayList<>();
    if (p.target() == null || p.target().isBlank()) {
      problems.add(new Problem("target", "name the kv-store group (or instance) to send to"));
    }
    ClientType.checkLoad(p.load(), problems);
    ClientType.checkRetry(p.retry(), problems);
    if (p.maxOutstanding() < 1) {
      problems.add(
          new Problem("maxOutstanding", "must be at least 1, found " + p.maxOutstanding()));
    }
    checkMix(p, problems);
    checkKeys(p, problems);
    checkCoordinator(p, problems);
    if (p.incrBy() < 1) {
      problems.add(new Problem("incrBy", "must be at least 1, found " + p.incrBy()));
    }
    if (p.timeoutNanos() <= 0) {
      problems.add(new Problem("timeout", "must be above 0s: every try needs a deadline, like 1s"));
    }
    if (p.finalReadsNanos() < 0) {
      problems.add(new Problem("finalReads", "must not be negative"));
    } else if (p.finalReadsNanos() > 0 && p.finalReadsNanos() < 2 * p.timeoutNanos()) {
      problems.add(
          new Problem(
              "finalReads",
              "must be at least twice the timeout ("
                  + Durations.format(2 * p.timeoutNanos())
                  + "), so that the reads made halfway through it end before the run does;"
                  + " found "
                  + Durations.format(p.finalReadsNanos())));
    }
    return problems;
  }

  private static void checkMix(KvClientParams p, List<Problem> problems) {
    double[] shares = OpMix.shares(p.mixOrDefault());
    double sum = 0;
    boolean negative = false;
    for (int i = 0; i < shares.length; i++) {
      if (shares[i] < 0 || Double.isNaN(shares[i])) {
        problems.add(
            new Problem(SHARE_KEYS[i], "a share must not be negative, found " + shares[i]));
        negative = true;
      }
      sum += shares[i];
    }
    if (!negative && Math.abs(sum - 1) > SUM_TOLERANCE) {
      problems.add(
          new Problem(
              "mix",
              "the shares must add up to 1, like {register: {read: 0.5, write: 0.5}}; these"
                  + " add up to "
                  + new BigDecimal(sum)
                      .round(new MathContext(6))
                      .stripTrailingZeros()
                      .toPlainString()));
    }
  }

  private static void checkKeys(KvClientParams p, List<Problem> problems) {
    if (p.keys() < 1) {
      problems.add(new Problem("keys", "must be at least 1, found " + p.keys()));
    }
    KeyDistribution d = p.keyDistribution() == null ? KeyDistribution.UNIFORM : p.keyDistribution();
    if (p.exponent() != null) {
      if (d != KeyDistribution.ZIPF) {
        problems.add(
            new Problem(
                "exponent",
                "only keyDistribution: zipf takes an exponent; set that distribution or remove exponent"));
      } else if (!(p.exponent() > 0) || Double.isInfinite(p.exponent())) {
        problems.add(
            new Problem(
                "exponent",
                "a zipf exponent must be above 0 (1 is Zipf's law), found " + p.exponent()));
      }
    }
    if (d == KeyDistribution.HOT) {
      if (p.hot() == null) {
        problems.add(
            new Problem(
                "hot", "keyDistribution hot needs the hot keys' share of operations, like 0.8"));
      }
      if (p.hotKeys() < 1 || p.hotKeys() >= p.keys()) {
        problems.add(
            new Problem(
                "hotKeys",
                "must be at least 1 and fewer than keys ("
                    + p.keys()
                    + "), so that some keys are not hot; found "
                    + p.hotKeys()));
      }
    } else if (p.hot() != null) {
      problems.add(
          new Problem(
              "hot",
              "only keyDistribution: hot takes a hot share; set that distribution or remove hot"));
    }
    if (p.hot() != null && !(p.hot() >= 0 && p.hot() <= 1)) {
      problems.add(new Problem("hot", "a share is in [0, 1], found " + p.hot()));
    }
  }

  private static void checkCoordinator(KvClientParams p, List<Problem> problems) {
    Coordinator c = p.coordinator() == null ? Coordinator.FIXED : p.coordinator();
    if (p.coordinatorIndex() != null) {
      if (c != Coordinator.FIXED) {
        problems.add(
            new Problem(
                "coordinatorIndex",
                "only coordinator: fixed takes an index; set that coordinator or remove coordinatorIndex"));
      } else if (p.coordinatorIndex() < 0) {
        problems.add(new Problem("coordinatorIndex", "must not be negative"));
      }
    }
    if (!(p.explore() >= 0 && p.explore() <= 1)) {
      problems.add(new Problem("explore", "a share is in [0, 1], found " + p.explore()));
    }
  }
}
