package dev.sim.components.client;

import java.util.List;

/**
 * An open loop's rate over time, piecewise linear (steps and ramps), and its inversion: from time
 * t, when has the expected number of arrivals grown by e? Constant arrivals step by e = 1; Poisson
 * arrivals by e ~ Exp(1), which is exact for a time-varying rate (the time-change theorem) and
 * needs one draw per arrival, unlike thinning. Times are nanoseconds since the client's start, as
 * doubles so that spacing does not accumulate rounding. Public for other workloads (the {@code
 * kv-client}) that offer load the way the {@code client} does.
 */
public final class ArrivalProcess {
  private final double[] start;
  private final double[] rate;
  private final double[] slope;
  private int cursor;

  private static final double[] ZERO = {0};

  private ArrivalProcess(double[] start, double[] rate, double[] slope) {
    this.start = start;
    this.rate = rate;
    this.slope = slope;
  }

  /** A constant rate of {@code perSecond} from time 0. */
  public static ArrivalProcess constantRate(double perSecond) {
    // The zero arrays are shared (never written): a million clients pay for one rate array each.
    return new ArrivalProcess(ZERO, new double[] {perSecond / 1e9}, ZERO);
  }

  /** The rate described by {@code steps}, sorted by {@code at}, ramps not overlapping the next. */
  public static ArrivalProcess profile(List<ClientParams.ProfileStep> steps) {
    int n = 1;
    for (ClientParams.ProfileStep s : steps) {
      n += s.rampNanos() > 0 ? 2 : 1;
    }
    double[] st = new double[n];
    double[] r = new double[n];
    double[] sl = new double[n];
    int i = 0;
    // Before the first step nothing arrives.
    st[i] = 0;
    r[i] = 0;
    sl[i++] = 0;
    double prev = 0;
    for (ClientParams.ProfileStep s : steps) {
      double target = s.rate() / 1e9;
      if (s.rampNanos() > 0) {
        st[i] = s.atNanos();
        r[i] = prev;
        sl[i++] = (target - prev) / s.rampNanos();
        st[i] = (double) s.atNanos() + s.rampNanos();
        r[i] = target;
        sl[i++] = 0;
      } else {
        st[i] = s.atNanos();
        r[i] = target;
        sl[i++] = 0;
      }
      prev = target;
    }
    return new ArrivalProcess(st, r, sl);
  }

  /** The rate in arrivals per second at time {@code t} (nanoseconds). */
  public double ratePerSecondAt(double t) {
    int i = 0;
    while (i + 1 < start.length && start[i + 1] <= t) {
      i++;
    }
    return (rate[i] + slope[i] * (t - start[i])) * 1e9;
  }

  /**
   * The time at which the integral of the rate from {@code t} reaches {@code e}, or positive
   * infinity if it never does (the rate ends at 0). Calls must come with non-decreasing {@code t}.
   */
  public double next(double t, double e) {
    while (cursor + 1 < start.length && start[cursor + 1] <= t) {
      cursor++;
    }
    int i = cursor;
    while (true) {
      double r0 = rate[i] + slope[i] * (t - start[i]);
      if (r0 < 0) {
        r0 = 0;
      }
      if (i + 1 >= start.length) {
        // The last piece is flat (ramps always end in a flat piece).
        return r0 <= 0 ? Double.POSITIVE_INFINITY : t + e / r0;
      }
      double end = start[i + 1];
      double len = end - t;
      double mass = r0 * len + 0.5 * slope[i] * len * len;
      if (e < mass) {
        double x;
        if (slope[i] == 0) {
          x = e / r0;
        } else {
          // Solve r0·x + slope·x²/2 = e in the form that stays accurate when slope is tiny.
          double disc = r0 * r0 + 2 * slope[i] * e;
          x = 2 * e / (r0 + StrictMath.sqrt(Math.max(0, disc)));
        }
        return t + Math.min(x, len);
      }
      e -= Math.max(0, mass);
      t = end;
      i++;
    }
  }
}
