package dev.sim.benchmarks.report;

import dev.sim.kernel.random.Rng;
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
import dev.sim.report.Report;
import dev.sim.report.io.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rendering a report for a synthetic 10-minute run with 1 s windows (600 windows): three server
 * instances with three gauges each, four counters, three fault windows and a 400-message log for
 * the space-time diagram. Target (a whole {@code sim run} in under 3 s): the charts and page under
 * 1 s.
 *
 * <ul>
 *   <li>{@code renderReport}: every chart as PNG and SVG, the space-time diagram, report.html.
 *   <li>{@code writeRunFolder}: summary.json, metrics.csv and result.json.
 * </ul>
 *
 * <p>Run: {@code java -Djava.awt.headless=true -jar benchmarks/target/benchmarks.jar
 * ReportBenchmark -f 1 -wi 2 -i 3}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g", "-Djava.awt.headless=true"})
@State(Scope.Thread)
public class ReportBenchmark {
  private static final long S = 1_000_000_000L;
  private static final int WINDOWS = 600;

  private RunResult run;
  private Path dir;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    System.setProperty("java.awt.headless", "true");
    run = syntheticRun(WINDOWS, 42);
    dir = Files.createTempDirectory("sim-report-bench");
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Benchmark
  public List<Path> renderReport() throws IOException {
    return Report.render(run, dir);
  }

  @Benchmark
  public List<Path> writeRunFolder() throws IOException {
    return RunFolder.write(run, dir);
  }

  /** A run with a story: steady load, a partition, a crash, then a GC spiral from the middle. */
  static RunResult syntheticRun(int windows, long seed) {
    Rng rng = new Rng(seed);
    List<WindowStats> ws = new ArrayList<>(windows);
    int nodesWithGauges = 3;
    double[][][] gauge = new double[3][nodesWithGauges][windows];
    long[] gcPause = new long[windows];
    long[] gcYoung = new long[windows];
    long[] gcFull = new long[windows];
    long[] retries = new long[windows];
    for (int w = 0; w < windows; w++) {
      double stress = w < windows / 2 ? 0 : Math.min(1, (w - windows / 2.0) / (windows / 4.0));
      long offered = 780 + rng.nextInt(40);
      boolean fault = w >= 120 && w < 150 || w >= 200 && w < 220;
      long timedOut = Math.round(offered * stress * 0.6 * rng.nextDouble());
      long failed = fault ? Math.round(offered * 0.2 * rng.nextDouble()) : 0;
      long ok = offered - timedOut - failed;
      long attempts = Math.round(offered * (1 + stress * 1.8));
      double p50 = 4 + 400 * stress * stress + rng.nextDouble();
      ws.add(
          new WindowStats(
              w,
              w * S,
              offered,
              ok,
              failed,
              timedOut,
              0,
              attempts,
              (double) ok / offered,
              1.0,
              p50,
              p50 * 2.2,
              p50 * 5,
              p50 * 9));
      for (int n = 0; n < nodesWithGauges; n++) {
        double s = stress * (1 + 0.3 * n);
        gauge[0][n][w] = 2 + 600 * s * s + 3 * rng.nextDouble();
        gauge[1][n][w] = 5 + 3 * rng.nextDouble();
        gauge[2][n][w] = 400 + 1400 * Math.min(1, s) + 60 * rng.nextDouble();
      }
      gcYoung[w] = 30 + rng.nextInt(10);
      gcFull[w] = stress > 0.3 ? rng.nextInt(4) : 0;
      gcPause[w] = gcYoung[w] * 3 + gcFull[w] * 400;
      retries[w] = attempts - offered;
    }
    String[] names = {"queue", "inflight", "heapLiveMB"};
    List<GaugeSeriesData> gauges = new ArrayList<>();
    for (int n = 0; n < nodesWithGauges; n++) {
      for (int g = 0; g < names.length; g++) {
        gauges.add(
            new GaugeSeriesData(
                2 + n, "api-" + (n + 1), "api", names[g], gauge[g][n], gauge[g][n].clone()));
      }
    }
    List<CounterSeries> counters =
        List.of(
            new CounterSeries("api", "gcFull", 0, gcFull),
            new CounterSeries("api", "gcPauseMs", 0, gcPause),
            new CounterSeries("api", "gcYoung", 0, gcYoung),
            new CounterSeries("clients", "retries", 0, retries));
    List<NodeInfo> nodes =
        List.of(
            new NodeInfo(0, "clients", "clients"),
            new NodeInfo(1, "lb", "lb"),
            new NodeInfo(2, "api-1", "api"),
            new NodeInfo(3, "api-2", "api"),
            new NodeInfo(4, "api-3", "api"));
    List<MessageRecord> messages = new ArrayList<>();
    long t = 0;
    for (int i = 0; i < 100; i++) {
      t += 1_000_000L + rng.nextInt(20_000_000);
      int api = 2 + i % 3;
      long d = 1_000_000L + rng.nextInt(3_000_000);
      boolean lost = i % 13 == 5;
      messages.add(new MessageRecord(0, 1, "Request", "Request[" + i + "]", t, t + d, null));
      messages.add(
          new MessageRecord(
              1,
              api,
              "Forward",
              "Forward[" + i + "]",
              t + d,
              lost ? -1 : t + 2 * d,
              lost ? "loss" : null));
      messages.add(
          new MessageRecord(api, 1, "Reply", "Reply[" + i + "]", t + 3 * d, t + 4 * d, null));
      messages.add(
          new MessageRecord(1, 0, "Reply", "Reply[" + i + "]", t + 4 * d, t + 5 * d, null));
    }
    List<Annotation> annotations =
        List.of(
            new Annotation(
                "partition", "partition api-1 | rest", 120 * S, 150 * S, List.of("api-1")),
            new Annotation("crash", "crash api-2", 200 * S, 220 * S, List.of("api-2")),
            new Annotation("slow", "slow db ×10", 480 * S, -1, List.of("db")));
    List<NodeEvent> events =
        List.of(
            new NodeEvent(200 * S, 3, "crash", "fault"),
            new NodeEvent(220 * S, 3, "restart", "fault"));
    // No metric specs: the charts take their metrics' names as titles, which costs the same to
    // draw.
    return RunResult.builder("gc-spiral", seed)
        .simulatedNanos(windows * S)
        .events(12_345_678)
        .stop(StopReason.TIME_LIMIT, "reached the simulated duration")
        .traceHash("9f3c0a1b2c3d4e5f")
        .wallSeconds(1.0)
        .family(
            new RequestSummary(
                new RequestTotals(455_000, 340_000, 4_500, 106_000, 4_500, 790_000, 0),
                0.747,
                1.0,
                new LatencySummary(57, 12.5, 180, 1450, 2210, 3120),
                ws))
        .counters(
            Map.of("gcFull", 551L, "gcPauseMs", 260_251L, "gcYoung", 19_939L, "retries", 332_887L))
        .windows(S, 30 * S)
        .counterSeries(counters)
        .gauges(gauges)
        .nodes(nodes)
        .annotations(annotations)
        .nodeEvents(events)
        .messages(messages)
        .expectations(List.of(new ExpectationResult("yield >= 0.99", 0.747, false)))
        .info(
            new RunInfo(
                "GC spiral",
                "Pauses cause retries cause pauses.",
                "sim run scenarios/gc-spiral.yaml --seed 42",
                "scenarios/gc-spiral.yaml"))
        .build();
  }
}
