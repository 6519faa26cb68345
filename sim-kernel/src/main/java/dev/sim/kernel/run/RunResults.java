package dev.sim.kernel.run;

import dev.sim.kernel.metrics.MetricsCollector;
import dev.sim.kernel.result.NodeInfo;
import dev.sim.kernel.result.RunResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Assembles the {@link RunResult} of a finished run from the parts that recorded it: the loop (time
 * reached, events, hash, failure), the metrics, the node table, the timeline and the message log.
 * Wall seconds, expectations and run info are left empty for the scenario layer and the CLI, which
 * know them. Each family of figures the run recorded adds its summary (requests, when any request
 * was recorded).
 */
final class RunResults {
  private RunResults() {}

  static RunResult assemble(
      String scenario,
      long seed,
      Stop stop,
      EventLoop loop,
      MetricsCollector metrics,
      NodeTable table,
      Timeline timeline,
      MessageLog messages) {
    long end = loop.now();
    List<NodeInfo> nodes = new ArrayList<>(table.size());
    for (int i = 0; i < table.size(); i++) {
      nodes.add(new NodeInfo(i, table.name(i), table.group(i)));
    }
    String detail = stop.detail();
    if (timeline.nodeEventsOmitted() > 0) {
      detail +=
          "; "
              + timeline.nodeEventsOmitted()
              + " node lifecycle events beyond "
              + Timeline.MAX_NODE_EVENTS
              + " were not recorded";
    }
    RunResult.Builder b =
        RunResult.builder(scenario, seed)
            .simulatedNanos(end)
            .events(loop.events())
            .traceHash(loop.traceHash())
            .stop(stop.reason(), detail)
            .failure(loop.failure())
            .windows(metrics.windowNanos(), metrics.warmupNanos())
            .counters(metrics.counterTotals())
            .counterSeries(metrics.counterSeries(end))
            .gauges(metrics.gaugeSeries(end))
            .nodes(nodes)
            .annotations(timeline.annotations())
            .nodeEvents(timeline.nodeEvents())
            .messages(messages.records())
            .metricSpecs(metrics.metricSpecs())
            .history(loop.history().data());
    metrics.requestSummary(end).ifPresent(b::family);
    return b.build();
  }
}
