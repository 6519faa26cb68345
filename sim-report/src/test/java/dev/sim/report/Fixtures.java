package dev.sim.report;

import dev.sim.kernel.result.Annotation;
import dev.sim.kernel.result.CounterSeries;
import dev.sim.kernel.result.ExpectationResult;
import dev.sim.kernel.result.GaugeSeriesData;
import dev.sim.kernel.result.LatencySummary;
import dev.sim.kernel.result.MessageRecord;
import dev.sim.kernel.result.NodeEvent;
import dev.sim.kernel.result.NodeInfo;
import dev.sim.kernel.result.RequestSummary;
import dev.sim.kernel.result.RequestTotals;
import dev.sim.kernel.result.RunInfo;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.StopReason;
import dev.sim.kernel.result.WindowStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Synthetic run results with a story: steady load, a partition, a crash, then a GC spiral. */
public final class Fixtures {
  private static final long S = 1_000_000_000L;

  private Fixtures() {}

  /** A deterministic noise source (SplitMix64), so fixtures are the same on every run. */
  static final class Noise {
    private long state;

    Noise(long seed) {
      state = seed;
    }

    double next() {
      long z = (state += 0x9E3779B97F4A7C15L);
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      z ^= z >>> 31;
      return (z >>> 11) * 0x1.0p-53;
    }
  }

  /** A 10-minute gc-spiral-like run with 1 s windows, three api nodes, gauges and counters. */
  public static RunResult spiral() {
    return spiral(600, "gc-spiral", 42);
  }

  /** A spiral run of {@code seconds} one-second windows. */
  public static RunResult spiral(int seconds, String scenario, long seed) {
    Noise n = new Noise(seed);
    List<WindowStats> windows = new ArrayList<>();
    String[] apis = {"api-1", "api-2", "api-3"};
    double[][] queue = new double[3][seconds];
    double[][] queueMax = new double[3][seconds];
    double[][] inflight = new double[3][seconds];
    double[][] inflightMax = new double[3][seconds];
    double[][] heap = new double[3][seconds];
    double[][] heapMax = new double[3][seconds];
    long[] gcPause = new long[seconds];
    long[] gcYoung = new long[seconds];
    long[] gcFull = new long[seconds];
    long[] retries = new long[seconds];
    long[] oom = new long[seconds];
    int spiralAt = seconds / 2;
    for (int w = 0; w < seconds; w++) {
      double stress = w < spiralAt ? 0 : Math.min(1, (w - spiralAt) / (seconds * 0.25));
      long offered = Math.round(800 + 40 * (n.next() - 0.5));
      boolean partition = w >= 120 && w < 150 && seconds > 150;
      boolean crash = w >= 200 && w < 220 && seconds > 220;
      double failFrac = partition ? 0.3 : crash ? 0.12 : 0.001;
      long timedOut = Math.round(offered * (stress * 0.6 * (0.8 + 0.4 * n.next())));
      long failed = Math.round(offered * failFrac * n.next());
      long rejected = stress > 0.5 ? Math.round(offered * 0.05 * n.next()) : 0;
      long ok = Math.max(0, offered - timedOut - failed - rejected);
      long attempts = Math.round(offered * (1 + stress * 1.8 + failFrac));
      double p50 = 4 + 400 * stress * stress + n.next();
      double p90 = p50 * 2.2;
      double p99 = p50 * 5 + (partition ? 400 : 0);
      double max = p99 * 1.8;
      boolean empty = w == 5;
      windows.add(
          new WindowStats(
              w,
              w * S,
              empty ? 0 : offered,
              empty ? 0 : ok,
              empty ? 0 : failed,
              empty ? 0 : timedOut,
              empty ? 0 : rejected,
              empty ? 0 : attempts,
              empty ? Double.NaN : (double) ok / (ok + failed + timedOut + rejected),
              empty ? Double.NaN : 1.0 - (partition ? 0.34 : 0),
              empty ? Double.NaN : p50,
              empty ? Double.NaN : p90,
              empty ? Double.NaN : p99,
              empty ? Double.NaN : max));
      for (int i = 0; i < 3; i++) {
        double s = stress * (1 + 0.3 * i);
        queue[i][w] = 2 + 600 * s * s + 3 * n.next();
        queueMax[i][w] = queue[i][w] * 1.5;
        inflight[i][w] = 5 + 3 * n.next() + (s > 0.2 ? 3 : 0);
        // A maximum is never below the mean over the same window; real runs cannot give less.
        inflightMax[i][w] = Math.max(8, Math.ceil(inflight[i][w]));
        heap[i][w] = 400 + 1400 * Math.min(1, s) + 60 * n.next();
        heapMax[i][w] = heap[i][w] + 100;
      }
      gcYoung[w] = 30 + Math.round(10 * n.next());
      gcFull[w] = stress > 0.3 ? Math.round(3 * stress * n.next() + stress) : 0;
      gcPause[w] = Math.round(gcYoung[w] * 3 + gcFull[w] * 400 * stress);
      retries[w] = attempts - offered;
      oom[w] = crash && n.next() < 0.2 ? 1 : 0;
    }
    List<GaugeSeriesData> gauges = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      gauges.add(new GaugeSeriesData(2 + i, apis[i], "api", "heapLiveMB", heap[i], heapMax[i]));
      gauges.add(
          new GaugeSeriesData(2 + i, apis[i], "api", "inflight", inflight[i], inflightMax[i]));
      gauges.add(new GaugeSeriesData(2 + i, apis[i], "api", "queue", queue[i], queueMax[i]));
    }
    List<CounterSeries> counters =
        List.of(
            new CounterSeries("api", "gcFull", sum(gcFull, 30), gcFull),
            new CounterSeries("api", "gcPauseMs", sum(gcPause, 30), gcPause),
            new CounterSeries("api", "gcYoung", sum(gcYoung, 30), gcYoung),
            new CounterSeries("api", "oom", sum(oom, 30), oom),
            new CounterSeries("clients", "retries", sum(retries, 30), retries));
    Map<String, Long> totals = new TreeMap<>();
    for (CounterSeries c : counters) {
      totals.merge(c.name(), c.total(), Long::sum);
    }
    List<NodeInfo> nodes =
        List.of(
            new NodeInfo(0, "clients", "clients"),
            new NodeInfo(1, "lb", "lb"),
            new NodeInfo(2, "api-1", "api"),
            new NodeInfo(3, "api-2", "api"),
            new NodeInfo(4, "api-3", "api"));
    List<Annotation> annotations = new ArrayList<>();
    if (seconds > 150) {
      annotations.add(
          new Annotation(
              "partition", "partition api-1 | rest", 120 * S, 150 * S, List.of("api-1")));
    }
    if (seconds > 220) {
      annotations.add(new Annotation("crash", "crash api-2", 200 * S, 220 * S, List.of("api-2")));
    }
    annotations.add(
        new Annotation(
            "slow", "slow db ×10 <script>", (long) (seconds * 0.8) * S, -1, List.of("db")));
    List<NodeEvent> events = new ArrayList<>();
    if (seconds > 220) {
      events.add(new NodeEvent(200 * S, 3, "crash", "fault"));
      events.add(new NodeEvent(220 * S, 3, "restart", "fault"));
    }
    events.add(new NodeEvent(spiralAt * S + 1234567, 4, "pause", "gc"));
    events.add(new NodeEvent(spiralAt * S + 801234567, 4, "resume", "gc"));
    List<MessageRecord> messages = messages(seconds);
    RequestTotals req = new RequestTotals(0, 0, 0, 0, 0, 0, 3);
    long o = 0, ok = 0, f = 0, t = 0, rj = 0, a = 0;
    for (WindowStats w : windows) {
      if (w.index() >= 30) {
        o += w.offered();
        ok += w.ok();
        f += w.failed();
        t += w.timedOut();
        rj += w.rejected();
        a += w.attempts();
      }
    }
    req = new RequestTotals(o, ok, f, t, rj, a, 3);
    double yield = (double) ok / (ok + f + t + rj);
    return RunResult.builder(scenario, seed)
        .simulatedNanos(seconds * S)
        .events(12_345_678L + seed)
        .stop(StopReason.TIME_LIMIT, "reached the simulated duration")
        .traceHash("9f3c0a1b2c3d4e5f")
        .wallSeconds(1.25)
        .family(
            new RequestSummary(
                req,
                yield,
                0.987,
                new LatencySummary(57.25, 12.5, 180.0, 1450.0, 2210.5, 3120.0),
                windows))
        .counters(totals)
        .windows(S, 30 * S)
        .counterSeries(counters)
        .gauges(gauges)
        .nodes(nodes)
        .annotations(annotations)
        .nodeEvents(events)
        .messages(messages)
        .metricSpecs(TestSpecs.SERVICE)
        .expectations(
            List.of(
                new ExpectationResult("yield >= 0.99", yield, false),
                new ExpectationResult("latency.p99 < 2000ms", 1450.0, true),
                new ExpectationResult(
                    "counter.oom == 0", totals.get("oom"), totals.get("oom") == 0),
                new ExpectationResult("harvest >= 0.95", Double.NaN, false)))
        .info(
            new RunInfo(
                "GC spiral: pauses cause retries cause pauses",
                "Watch the live heap climb after the load step.\n"
                    + "Pauses make clients time out & retry, which <script>alert(1)</script> adds "
                    + "load, which makes more garbage.",
                "sim run scenarios/gc-spiral.yaml --seed " + seed,
                "scenarios/gc-spiral.yaml"))
        .build();
  }

  private static long sum(long[] a, int from) {
    long s = 0;
    for (int i = from; i < a.length; i++) {
      s += a[i];
    }
    return s;
  }

  /** A message log between the five nodes: requests, forwards, replies and a few losses. */
  static List<MessageRecord> messages(int seconds) {
    Noise n = new Noise(7);
    List<MessageRecord> out = new ArrayList<>();
    long t = 0;
    for (int i = 0; i < 60; i++) {
      t += (long) (n.next() * 20_000_000L) + 1_000_000L;
      int api = 2 + i % 3;
      long d1 = 1_000_000L + (long) (n.next() * 3_000_000L);
      out.add(new MessageRecord(0, 1, "Request", "Request[id=" + i + "]", t, t + d1, null));
      long t2 = t + d1;
      long d2 = 1_000_000L + (long) (n.next() * 2_000_000L);
      boolean lost = i % 11 == 7;
      out.add(
          new MessageRecord(
              1,
              api,
              "Forward",
              "Forward[id=" + i + "]",
              t2,
              lost ? -1 : t2 + d2,
              lost ? "loss" : null));
      if (!lost) {
        long t3 = t2 + d2 + 4_000_000L;
        out.add(new MessageRecord(api, 1, "Reply", "Reply[id=" + i + "]", t3, t3 + d2, null));
        out.add(
            new MessageRecord(1, 0, "Reply", "Reply[id=" + i + "]", t3 + d2, t3 + d2 + d1, null));
      }
    }
    return out;
  }
}
