package dev.sim.network.clock;

import dev.sim.kernel.net.Clocks;
import dev.sim.kernel.random.Distribution;
import dev.sim.kernel.random.RandomStreams;
import dev.sim.kernel.random.Rng;
import dev.sim.kernel.run.Simulation;
import java.util.Arrays;

/**
 * Each node's local clock: an offset, a drift and jumps, as a piecewise linear function of
 * simulated time.
 *
 * <p>Node {@code i}'s clock starts at simulated time 0 reading its offset and runs at rate {@code 1
 * + driftPpm / 1e6}: between jumps, {@code local(t) = base + e + floor(e * driftPpm / 1e6)} with
 * {@code e = t - start}, where {@code start} is the simulated time of the node's last jump (0 if
 * none) and {@code base} its local reading just after. Only long and double arithmetic is used, so
 * every JVM computes the same readings. Positive drift runs fast. A {@link #jump} at simulated time
 * {@code s} steps the reading by a signed delta and starts a new piece at {@code s}; earlier pieces
 * are kept, so {@link #localTime} answers for past times too.
 *
 * <p>Configure offsets and drifts before the run; jump during it, from a control action, and then
 * call {@link Simulation#clockChanged} so the node's pending timers are re-placed ({@link
 * #jump(Simulation, int, long)} does both). Offsets drawn by {@link #drawOffsetsNanos} take one
 * sample per node in id order from the stream given (conventionally {@link #STREAM}), so adding a
 * node with a higher id leaves the other nodes' offsets unchanged. Not thread-safe.
 */
public final class SkewedClocks implements Clocks {
  /** The conventional name of the random stream that clock offsets are drawn from. */
  public static final String STREAM = "clocks";

  // Beyond this many nanoseconds a timer is treated as never due, which keeps the arithmetic
  // below far from overflow (2^61 ns is about 73 years).
  private static final long FAR_NANOS = 1L << 61;

  private final int nodeCount;
  private final double[] driftPpm;
  private final double[] rateMinusOne;
  // The current piece of each node's clock.
  private final long[] startSim;
  private final long[] baseLocal;
  // Earlier pieces, only for nodes that jumped: starts ascending, parallel to bases.
  private final long[][] pastStartSim;
  private final long[][] pastBaseLocal;
  private final int[] pastCount;

  /** Creates perfect clocks (no offset, no drift) for nodes 0 to {@code nodeCount - 1}. */
  public SkewedClocks(int nodeCount) {
    if (nodeCount < 0) {
      throw new IllegalArgumentException("negative node count: " + nodeCount);
    }
    this.nodeCount = nodeCount;
    this.driftPpm = new double[nodeCount];
    this.rateMinusOne = new double[nodeCount];
    this.startSim = new long[nodeCount];
    this.baseLocal = new long[nodeCount];
    this.pastStartSim = new long[nodeCount][];
    this.pastBaseLocal = new long[nodeCount][];
    this.pastCount = new int[nodeCount];
  }

  /** The number of nodes these clocks cover. */
  public int nodeCount() {
    return nodeCount;
  }

  /** Sets node {@code node}'s local reading at simulated time 0, before the run. */
  public void setOffsetNanos(int node, long offsetNanos) {
    requireNotJumped(node);
    baseLocal[node] = offsetNanos;
  }

  /**
   * Sets node {@code node}'s drift in parts per million, before the run: +1000 gains 1 ms per
   * simulated second. Must be in (-1,000,000, 1,000,000]: the clock moves forward, at most twice as
   * fast as simulated time.
   */
  public void setDriftPpm(int node, double ppm) {
    if (!(ppm > -1e6 && ppm <= 1e6)) {
      throw new IllegalArgumentException("drift must be in (-1000000, 1000000] ppm, was " + ppm);
    }
    requireNotJumped(node);
    driftPpm[node] = ppm;
    rateMinusOne[node] = ppm / 1e6;
  }

  /**
   * Sets every node's offset from {@code offsetNanos}, one sample per node in id order, rounded to
   * the nearest nanosecond. Samples may be negative: {@link Distribution#sample} is used as drawn,
   * not clamped at 0 as {@link Distribution#sampleNanos} would.
   */
  public void drawOffsetsNanos(Distribution offsetNanos, Rng rng) {
    for (int node = 0; node < nodeCount; node++) {
      setOffsetNanos(node, (long) StrictMath.floor(offsetNanos.sample(rng) + 0.5));
    }
  }

  /**
   * Draws every offset as {@link #drawOffsetsNanos(Distribution, Rng)} does, on {@link #STREAM}.
   */
  public void drawOffsetsNanos(Distribution offsetNanos, RandomStreams streams) {
    drawOffsetsNanos(offsetNanos, streams.stream(STREAM));
  }

  /** Node {@code node}'s local reading at simulated time 0. */
  public long offsetNanos(int node) {
    return pastCount[node] > 0 ? pastBaseLocal[node][0] : baseLocal[node];
  }

  /** Node {@code node}'s drift in parts per million. */
  public double driftPpm(int node) {
    return driftPpm[node];
  }

  /**
   * Steps node {@code node}'s clock by {@code deltaNanos} (negative: back) at simulated time {@code
   * simNowNanos}, which must not precede its previous jump. The caller must then call {@link
   * Simulation#clockChanged} for the node so its pending timers are re-placed.
   */
  public void jump(int node, long deltaNanos, long simNowNanos) {
    long start = startSim[node];
    if (simNowNanos < start) {
      throw new IllegalArgumentException(
          "clock jump at "
              + simNowNanos
              + " precedes node "
              + node
              + "'s previous jump at "
              + start);
    }
    long reading = piece(baseLocal[node], simNowNanos - start, rateMinusOne[node]);
    if (simNowNanos > start) {
      int n = pastCount[node];
      if (pastStartSim[node] == null) {
        pastStartSim[node] = new long[2];
        pastBaseLocal[node] = new long[2];
      } else if (n == pastStartSim[node].length) {
        pastStartSim[node] = Arrays.copyOf(pastStartSim[node], n * 2);
        pastBaseLocal[node] = Arrays.copyOf(pastBaseLocal[node], n * 2);
      }
      pastStartSim[node][n] = start;
      pastBaseLocal[node][n] = baseLocal[node];
      pastCount[node] = n + 1;
      startSim[node] = simNowNanos;
    }
    baseLocal[node] = reading + deltaNanos;
  }

  /** Steps node {@code node}'s clock now and tells {@code sim} to re-place the node's timers. */
  public void jump(Simulation sim, int node, long deltaNanos) {
    jump(node, deltaNanos, sim.now());
    sim.clockChanged(node);
  }

  @Override
  public long localTime(int node, long simTime) {
    long start = startSim[node];
    if (simTime >= start || pastCount[node] == 0) {
      return piece(baseLocal[node], simTime - start, rateMinusOne[node]);
    }
    int i = pastPiece(node, simTime);
    return piece(pastBaseLocal[node][i], simTime - pastStartSim[node][i], rateMinusOne[node]);
  }

  /**
   * The earliest simulated time at or after {@code nowSim} at which node {@code node}'s clock reads
   * at least {@code localTarget}, given the jumps made so far; {@code Long.MAX_VALUE} if that is
   * more than about 73 years away.
   */
  @Override
  public long simTimeAt(int node, long localTarget, long nowSim) {
    double k = rateMinusOne[node];
    int count = pastCount[node];
    // Walk the pieces from the one holding nowSim; the last piece runs forever.
    int i = simTimeIsCurrent(node, nowSim) ? count : pastPiece(node, nowSim);
    long lo = nowSim;
    for (; i <= count; i++) {
      long start = i == count ? startSim[node] : pastStartSim[node][i];
      long base = i == count ? baseLocal[node] : pastBaseLocal[node][i];
      lo = Math.max(lo, start);
      if (piece(base, lo - start, k) >= localTarget) {
        return lo;
      }
      if (i < count) {
        long end = (i + 1 == count ? startSim[node] : pastStartSim[node][i + 1]) - 1;
        if (piece(base, end - start, k) >= localTarget) {
          return firstReaching(start, base, k, localTarget, lo, end);
        }
      } else {
        return firstReaching(start, base, k, localTarget, lo, Long.MAX_VALUE);
      }
    }
    throw new AssertionError("unreachable: the last piece is open-ended");
  }

  private boolean simTimeIsCurrent(int node, long simTime) {
    return simTime >= startSim[node] || pastCount[node] == 0;
  }

  /** Index of the past piece holding {@code simTime} (the first one for times before it). */
  private int pastPiece(int node, long simTime) {
    long[] starts = pastStartSim[node];
    int lo = 0;
    int hi = pastCount[node] - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= simTime) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /**
   * The smallest t in (lo, hi] with piece(t) >= target, given piece(lo) < target and, when {@code
   * hi} is finite, piece(hi) >= target. Starts from the analytic answer, which is usually exact,
   * and corrects it by galloping and bisection where rounding left it off by a nanosecond or two.
   */
  private static long firstReaching(
      long start, long base, double k, long target, long lo, long hi) {
    long distance = target - base;
    if (distance > FAR_NANOS || (target > base && distance < 0)) {
      return Long.MAX_VALUE;
    }
    long est = start + (long) StrictMath.ceil(distance / (1 + k));
    if (est - start > FAR_NANOS) {
      return Long.MAX_VALUE;
    }
    est = Math.min(Math.max(est, lo + 1), hi);
    if (piece(base, est - start, k) >= target) {
      if (est - 1 == lo || piece(base, est - 1 - start, k) < target) {
        return est;
      }
      hi = est;
      for (long step = 1; ; step <<= 1) {
        long probe = hi - step;
        if (probe <= lo) {
          break;
        }
        if (piece(base, probe - start, k) >= target) {
          hi = probe;
        } else {
          lo = probe;
          break;
        }
      }
    } else {
      lo = est;
      for (long step = 1; ; step <<= 1) {
        long probe = hi - lo <= step ? hi : lo + step;
        if (probe - start > FAR_NANOS) {
          return Long.MAX_VALUE;
        }
        if (probe == hi || piece(base, probe - start, k) >= target) {
          hi = probe;
          break;
        }
        lo = probe;
      }
    }
    // Bisect: piece(lo) < target <= piece(hi).
    while (hi - lo > 1) {
      long mid = lo + ((hi - lo) >>> 1);
      if (piece(base, mid - start, k) >= target) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }

  private static long piece(long base, long elapsed, double rateMinusOne) {
    long drift = rateMinusOne == 0 ? 0 : (long) StrictMath.floor(elapsed * rateMinusOne);
    return base + elapsed + drift;
  }

  private void requireNotJumped(int node) {
    if (pastCount[node] > 0 || startSim[node] != 0) {
      throw new IllegalStateException(
          "node " + node + "'s clock has already jumped: set offsets and drifts before the run");
    }
  }
}
