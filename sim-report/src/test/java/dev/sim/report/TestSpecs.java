package dev.sim.report;

import dev.sim.kernel.metrics.MetricSpec;
import java.util.List;

/**
 * Metric specs like those a client and a server declare, for runs made up or built by hand in the
 * report's tests (the report depends on no node type, so it cannot ask the real ones).
 */
public final class TestSpecs {
  private TestSpecs() {}

  /** A client that records requests and counts retries. */
  public static final List<MetricSpec> CLIENT =
      List.of(
          MetricSpec.latency("latency", "Request latency"),
          MetricSpec.counter("retries", "Retries", "retries")
              .describe("Retries sent by clients")
              .order(50));

  /** A server with a queue, workers and a GC model. */
  public static final List<MetricSpec> SERVER =
      List.of(
          MetricSpec.gauge("queue", "Queue depth", "requests")
              .yLabel("requests waiting")
              .describe("Requests waiting in queue")
              .order(10),
          MetricSpec.gauge("inflight", "In flight", "requests")
              .yLabel("requests in progress")
              .describe("Requests being served")
              .order(20),
          MetricSpec.gauge("heapLiveMB", "Live heap", "MB")
              .chart("heap")
              .yLabel("live heap (MB)")
              .describe("Live heap after GC")
              .averaged()
              .order(30),
          MetricSpec.counter("gcPauseMs", "GC pause time", "ms")
              .chart("gc")
              .yLabel("ms paused per second")
              .describe("Stop-the-world GC pause time, summed over each group's nodes")
              .order(10)
              .compared(true),
          MetricSpec.counter("gcYoung", "Young collections", "collections")
              .chart("gc-collections", "GC collections")
              .describe("Garbage collections started, per second")
              .legend("young")
              .order(20),
          MetricSpec.counter("gcFull", "Full collections", "collections")
              .chart("gc-collections", "GC collections")
              .describe("Garbage collections started, per second")
              .legend("full")
              .order(21),
          MetricSpec.counter("oom", "Out-of-memory crashes", "crashes")
              .runningTotal()
              .describe("Processes that ran out of heap and crashed, running total")
              .order(30),
          MetricSpec.counter("served", "Served", "requests").describe("Requests served"));

  /** Both, as a run of clients and servers carries them. */
  public static final List<MetricSpec> SERVICE = concat(CLIENT, SERVER);

  private static List<MetricSpec> concat(List<MetricSpec> a, List<MetricSpec> b) {
    List<MetricSpec> out = new java.util.ArrayList<>(a);
    out.addAll(b);
    return List.copyOf(out);
  }
}
