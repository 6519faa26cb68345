package dev.sim.kernel.run;

import dev.sim.kernel.metrics.MetricsCollector;
import dev.sim.kernel.result.NodeInfo;
import dev.sim.kernel.result.RunInfo;
import dev.sim.kernel.result.RunResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Assembles the {@link RunResult} of a finished run from the parts that recorded it: the loop (time
 * reached, events, hash, failure), the metrics, the node table, the timeline and the message log.
 * Wall seconds, expectations and run info are left empty for the scenario layer and the CLI, which
 * know them.
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
    return new RunResult(
        scenario,
        seed,
        end,
        loop.events(),
        stop.reason(),
        detail,
        loop.traceHash(),
        0.0,
        metrics.totals(),
        metrics.yieldFraction(),
        metrics.harvest(),
        metrics.latency(),
        metrics.counterTotals(),
        metrics.windowNanos(),
        metrics.warmupNanos(),
        metrics.windows(end),
        metrics.counterSeries(end),
        metrics.gaugeSeries(end),
        List.copyOf(nodes),
        timeline.annotations(),
        timeline.nodeEvents(),
        messages.records(),
        loop.failure(),
        List.of(),
        RunInfo.NONE);
  }
}
