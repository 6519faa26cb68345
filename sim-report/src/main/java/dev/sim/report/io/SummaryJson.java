package dev.sim.report.io;

import dev.sim.kernel.result.ConsistencySummary;
import dev.sim.kernel.result.ExpectationResult;
import dev.sim.kernel.result.Failure;
import dev.sim.kernel.result.LatencySummary;
import dev.sim.kernel.result.RequestSummary;
import dev.sim.kernel.result.RequestTotals;
import dev.sim.kernel.result.RunResult;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code summary.json}, the output contract of docs/scenario-format.md: the contract's keys
 * first, in the contract's order and meaning, then added keys. NaN figures are {@code null}.
 */
public final class SummaryJson {
  private static final double NANOS_PER_SECOND = 1e9;

  private SummaryJson() {}

  /** Returns the summary of {@code r} as JSON text ending in a newline. */
  public static String toJson(RunResult r) {
    JsonOut j = new JsonOut().beginObject();
    j.field("scenario", r.scenario());
    j.field("seed", r.seed());
    j.field("simulatedSeconds", r.simulatedNanos() / NANOS_PER_SECOND);
    j.field("events", r.events());
    // Rounded to milliseconds: the only field that differs between two runs of one seed.
    j.field("wallSeconds", Math.round(r.wallSeconds() * 1000) / 1000.0);
    j.field("traceHash", r.traceHash());

    // The contract's request keys are always written: a run without requests offered none.
    RequestSummary requests = r.requestsOrNone();
    RequestTotals q = requests.totals();
    j.beginObject("requests");
    j.field("offered", q.offered());
    j.field("ok", q.ok());
    j.field("failed", q.failed());
    j.field("timedOut", q.timedOut());
    j.field("rejected", q.rejected());
    j.field("attempts", q.attempts());
    j.field("unfinished", q.unfinished());
    j.end();

    j.field("yield", requests.yield());
    j.field("harvest", requests.harvest());

    LatencySummary l = requests.latencyMs();
    j.beginObject("latencyMs");
    j.field("mean", l.mean());
    j.field("p50", l.p50());
    j.field("p90", l.p90());
    j.field("p99", l.p99());
    j.field("p999", l.p999());
    j.field("max", l.max());
    j.end();

    j.beginObject("counters");
    for (Map.Entry<String, Long> e : new TreeMap<>(r.counters()).entrySet()) {
      j.field(e.getKey(), e.getValue());
    }
    j.end();

    j.beginArray("expectations");
    for (ExpectationResult e : r.expectations()) {
      j.beginInlineObject();
      j.field("check", e.check());
      j.field("actual", e.actual());
      j.field("ok", e.ok());
      j.end();
    }
    j.end();

    // Added keys (the contract allows additions; the keys above keep their meaning).
    j.field("stopReason", r.stopReason().name());
    j.field("stopDetail", r.stopDetail());
    j.field("warmupSeconds", r.warmupNanos() / NANOS_PER_SECOND);
    j.field("windowSeconds", r.windowNanos() / NANOS_PER_SECOND);
    Failure f = r.failure();
    if (f == null) {
      j.nullField("failure");
    } else {
      j.beginObject("failure");
      j.field("node", f.nodeName());
      j.field("simulatedSeconds", f.timeNanos() / NANOS_PER_SECOND);
      j.field("event", f.event());
      j.field("message", f.message());
      j.end();
    }
    // Added after failure (consistency stays last, as its contract says): goodput and the latency
    // of every finished request beside the
    // success-only figures above, then each client group's figures.
    j.field("goodputPerSecond", requests.goodputPerSecond());
    latency(j, "latencyAllMs", requests.latencyAllMs());
    j.beginObject("groups");
    for (Map.Entry<String, RequestSummary> e : requests.groups().entrySet()) {
      RequestSummary g = e.getValue();
      RequestTotals t = g.totals();
      j.beginObject(e.getKey());
      j.beginInlineObject("requests");
      j.field("offered", t.offered());
      j.field("ok", t.ok());
      j.field("failed", t.failed());
      j.field("timedOut", t.timedOut());
      j.field("rejected", t.rejected());
      j.field("attempts", t.attempts());
      j.field("unfinished", t.unfinished());
      j.end();
      j.field("yield", g.yield());
      j.field("harvest", g.harvest());
      j.field("goodputPerSecond", g.goodputPerSecond());
      latency(j, "latencyMs", g.latencyMs());
      latency(j, "latencyAllMs", g.latencyAllMs());
      j.end();
    }
    j.end();
    // The checkers' section, for runs whose clients recorded operations (the histories contract);
    // last, so that every key before it keeps its place.
    r.consistency().ifPresent(c -> consistency(j, c.capped(r.windowNanos(), r.windowCount()), r));
    j.end();
    return j + "\n";
  }

  private static void latency(JsonOut j, String key, LatencySummary l) {
    j.beginInlineObject(key);
    j.field("mean", l.mean());
    j.field("p50", l.p50());
    j.field("p90", l.p90());
    j.field("p99", l.p99());
    j.field("p999", l.p999());
    j.field("max", l.max());
    j.end();
  }

  /**
   * The contract's seven keys first, then the added ones; times in simulated seconds. {@code lost}
   * lists the first {@link ConsistencySummary#LOST_LISTED} lost writes, {@code lostLeftOut} counts
   * the rest, and {@code lostByWindow} counts all of them per window of the run.
   */
  private static void consistency(JsonOut j, ConsistencySummary c, RunResult r) {
    j.beginObject("consistency");
    j.field("model", c.model());
    j.field("valid", c.valid());
    j.field("ops", c.ops());
    j.field("lostWrites", c.lostWrites());
    j.field("staleReads", c.staleReads());
    j.field("siblingsMax", c.siblingsMax());
    j.field("divergentKeys", c.divergentKeys());
    j.field("verdict", c.verdict());
    j.field("keys", c.keys());
    j.field("siblingsMean", c.siblingsMean());
    j.field("ok", c.ok());
    j.field("fail", c.fail());
    j.field("info", c.info());
    j.field("okShare", c.okShare());
    j.field("failShare", c.failShare());
    j.field("infoShare", c.infoShare());
    j.beginObject("byNode");
    for (ConsistencySummary.NodeOutcomes n : c.byNode()) {
      j.beginInlineObject(n.node());
      j.field("ok", n.ok()).field("fail", n.fail()).field("info", n.info());
      j.end();
    }
    j.end();
    j.beginArray("lost");
    for (ConsistencySummary.LostWrite l : c.lost()) {
      j.beginInlineObject();
      j.field("key", l.key());
      j.field("value", l.value());
      j.field("writtenSeconds", l.writtenNanos() / NANOS_PER_SECOND);
      j.field("lostSeconds", l.lostNanos() / NANOS_PER_SECOND);
      j.end();
    }
    j.end();
    j.field("witnessKey", c.witnessKey());
    j.field("witness", c.witness());
    j.field("lostLeftOut", c.lostLeftOut());
    ConsistencySummary.LostWindows w = c.lostPerWindow(r.windowNanos(), r.windowCount());
    j.beginObject("lostByWindow");
    j.field("windowSeconds", w.windowNanos() / NANOS_PER_SECOND);
    j.beginInlineArray("acknowledged");
    w.acknowledged().forEach(j::value);
    j.end();
    j.beginInlineArray("shown");
    w.shown().forEach(j::value);
    j.end();
    j.end();
    j.end();
  }
}
