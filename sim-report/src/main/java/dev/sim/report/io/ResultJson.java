package dev.sim.report.io;

import dev.sim.kernel.metrics.Better;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.result.Annotation;
import dev.sim.kernel.result.ConsistencySummary;
import dev.sim.kernel.result.CounterSeries;
import dev.sim.kernel.result.ExpectationResult;
import dev.sim.kernel.result.Failure;
import dev.sim.kernel.result.FamilySummary;
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
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code result.json}: the whole {@link RunResult}, so that a report can be rendered again from a
 * run folder alone: the core under the record components' names, the node types' metric specs under
 * {@code metricSpecs}, and each family's summary under {@code families.NAME}. NaN is {@code null}.
 */
public final class ResultJson {
  /**
   * The value of the {@code format} key; bumped when a field changes meaning. Version 2 moved the
   * request figures into {@code families.requests} and added {@code metricSpecs}.
   */
  public static final String FORMAT = "sim-result/2";

  /** Built on first read only: writing a run folder never pays for a mapper. */
  private static final class Mapper {
    static final JsonMapper INSTANCE = JsonMapper.builder().build();
  }

  private ResultJson() {}

  // ================================================================ writing

  /** Returns {@code r} as JSON text ending in a newline. */
  public static String toJson(RunResult r) {
    JsonOut j = new JsonOut().beginObject();
    j.field("format", FORMAT);
    j.field("scenario", r.scenario());
    j.field("seed", r.seed());
    j.field("simulatedNanos", r.simulatedNanos());
    j.field("events", r.events());
    j.field("stopReason", r.stopReason().name());
    j.field("stopDetail", r.stopDetail());
    j.field("traceHash", r.traceHash());
    j.field("wallSeconds", r.wallSeconds());

    j.beginObject("counters");
    r.counters().forEach(j::field);
    j.end();
    j.field("windowNanos", r.windowNanos());
    j.field("warmupNanos", r.warmupNanos());

    j.beginArray("counterSeries");
    for (CounterSeries c : r.counterSeries()) {
      j.beginObject();
      j.field("group", c.group()).field("name", c.name()).field("total", c.total());
      j.beginInlineArray("perWindow");
      for (long v : c.perWindow()) {
        j.value(v);
      }
      j.end();
      j.end();
    }
    j.end();

    j.beginArray("gauges");
    for (GaugeSeriesData g : r.gauges()) {
      j.beginObject();
      j.field("node", g.node())
          .field("nodeName", g.nodeName())
          .field("group", g.group())
          .field("name", g.name());
      j.beginInlineArray("mean");
      for (double v : g.mean()) {
        j.value(v);
      }
      j.end();
      j.beginInlineArray("max");
      for (double v : g.max()) {
        j.value(v);
      }
      j.end();
      j.end();
    }
    j.end();

    j.beginArray("nodes");
    for (NodeInfo n : r.nodes()) {
      j.beginInlineObject()
          .field("id", n.id())
          .field("name", n.name())
          .field("group", n.group())
          .end();
    }
    j.end();

    j.beginArray("annotations");
    for (Annotation a : r.annotations()) {
      j.beginInlineObject()
          .field("kind", a.kind())
          .field("label", a.label())
          .field("startNanos", a.startNanos())
          .field("endNanos", a.endNanos());
      j.beginInlineArray("targets");
      for (String t : a.targets()) {
        j.value(t);
      }
      j.end();
      j.end();
    }
    j.end();

    j.beginArray("nodeEvents");
    for (NodeEvent e : r.nodeEvents()) {
      j.beginInlineObject()
          .field("timeNanos", e.timeNanos())
          .field("node", e.node())
          .field("kind", e.kind())
          .field("reason", e.reason())
          .end();
    }
    j.end();

    j.beginArray("messages");
    for (MessageRecord m : r.messages()) {
      j.beginInlineObject()
          .field("from", m.from())
          .field("to", m.to())
          .field("type", m.type())
          .field("summary", m.summary())
          .field("sendNanos", m.sendNanos())
          .field("deliverNanos", m.deliverNanos())
          .field("lostCause", m.lostCause())
          .end();
    }
    j.end();

    Failure f = r.failure();
    if (f == null) {
      j.nullField("failure");
    } else {
      j.beginObject("failure");
      j.field("node", f.node())
          .field("nodeName", f.nodeName())
          .field("timeNanos", f.timeNanos())
          .field("event", f.event())
          .field("message", f.message())
          .field("stackTrace", f.stackTrace());
      j.end();
    }

    j.beginArray("expectations");
    for (ExpectationResult e : r.expectations()) {
      j.beginInlineObject()
          .field("check", e.check())
          .field("actual", e.actual())
          .field("ok", e.ok())
          .end();
    }
    j.end();

    RunInfo info = r.info();
    if (info == null) {
      j.nullField("info");
    } else {
      j.beginObject("info");
      j.field("title", info.title())
          .field("description", info.description())
          .field("command", info.command())
          .field("scenarioFile", info.scenarioFile())
          .field("version", info.version());
      j.beginInlineArray("charts");
      for (String c : info.charts()) {
        j.value(c);
      }
      j.end();
      // What ran, key by key, so that a comparison can name what differs between two runs.
      j.beginObject("settings");
      for (Map.Entry<String, String> e : info.settings().entrySet()) {
        j.field(e.getKey(), e.getValue());
      }
      j.end();
      j.end();
    }

    j.beginArray("metricSpecs");
    for (MetricSpec m : r.metricSpecs()) {
      writeSpec(j, m);
    }
    j.end();

    j.beginObject("families");
    for (FamilySummary family : r.families()) {
      j.beginObject(family.family());
      if (family instanceof RequestSummary q) {
        writeRequests(j, q);
      } else if (family instanceof ConsistencySummary c) {
        writeConsistency(j, c.capped(r.windowNanos(), r.windowCount()));
      } else {
        throw new IllegalStateException("no result.json form for family " + family.family());
      }
      j.end();
    }
    j.end();
    j.end();
    return j + "\n";
  }

  private static void writeSpec(JsonOut j, MetricSpec m) {
    j.beginObject();
    j.field("name", m.name())
        .field("kind", m.kind().name())
        .field("title", m.title())
        .field("unit", m.unit());
    MetricSpec.Chart c = m.chart();
    if (c == null) {
      j.nullField("chart");
    } else {
      j.beginObject("chart");
      j.field("id", c.id())
          .field("title", c.title())
          .field("yLabel", c.yLabel())
          .field("description", c.description())
          .field("aggregate", c.aggregate().name())
          .field("runningTotal", c.runningTotal())
          .field("order", c.order())
          .field("legend", c.legend())
          .field("compared", c.compared());
      j.end();
    }
    j.field("better", m.better().name());
    j.end();
  }

  /**
   * The consistency family: every component, times in nanoseconds, the lost writes capped as in
   * summary.json (the windows are written only when some were left out).
   */
  private static void writeConsistency(JsonOut j, ConsistencySummary c) {
    j.field("model", c.model())
        .field("valid", c.valid())
        .field("ops", c.ops())
        .field("lostWrites", c.lostWrites())
        .field("staleReads", c.staleReads())
        .field("siblingsMax", c.siblingsMax())
        .field("divergentKeys", c.divergentKeys())
        .field("verdict", c.verdict())
        .field("keys", c.keys())
        .field("siblingsMean", c.siblingsMean())
        .field("ok", c.ok())
        .field("fail", c.fail())
        .field("info", c.info());
    j.beginArray("byNode");
    for (ConsistencySummary.NodeOutcomes n : c.byNode()) {
      j.beginInlineObject()
          .field("node", n.node())
          .field("ok", n.ok())
          .field("fail", n.fail())
          .field("info", n.info())
          .end();
    }
    j.end();
    j.beginArray("lost");
    for (ConsistencySummary.LostWrite l : c.lost()) {
      j.beginInlineObject()
          .field("key", l.key())
          .field("value", l.value())
          .field("writtenNanos", l.writtenNanos())
          .field("lostNanos", l.lostNanos())
          .end();
    }
    j.end();
    j.field("witnessKey", c.witnessKey());
    j.field("witness", c.witness());
    j.field("lostLeftOut", c.lostLeftOut());
    ConsistencySummary.LostWindows w = c.lostWindows();
    j.beginObject("lostWindows");
    j.field("windowNanos", w.windowNanos());
    j.beginInlineArray("acknowledged");
    w.acknowledged().forEach(j::value);
    j.end();
    j.beginInlineArray("shown");
    w.shown().forEach(j::value);
    j.end();
    j.end();
  }

  /** The request/response family: totals, yield, harvest, latency, then the windows. */
  private static void writeRequests(JsonOut j, RequestSummary r) {
    RequestTotals q = r.totals();
    j.beginObject("totals");
    j.field("offered", q.offered())
        .field("ok", q.ok())
        .field("failed", q.failed())
        .field("timedOut", q.timedOut())
        .field("rejected", q.rejected())
        .field("attempts", q.attempts())
        .field("unfinished", q.unfinished());
    j.end();
    j.field("yield", r.yield());
    j.field("harvest", r.harvest());
    LatencySummary l = r.latencyMs();
    j.beginObject("latencyMs");
    j.field("mean", l.mean())
        .field("p50", l.p50())
        .field("p90", l.p90())
        .field("p99", l.p99())
        .field("p999", l.p999())
        .field("max", l.max());
    j.end();
    j.beginArray("windows");
    for (WindowStats w : r.windows()) {
      j.beginInlineObject();
      j.field("index", w.index())
          .field("startNanos", w.startNanos())
          .field("offered", w.offered())
          .field("ok", w.ok())
          .field("failed", w.failed())
          .field("timedOut", w.timedOut())
          .field("rejected", w.rejected())
          .field("attempts", w.attempts())
          .field("yield", w.yield())
          .field("harvest", w.harvest())
          .field("latencyP50Ms", w.latencyP50Ms())
          .field("latencyP90Ms", w.latencyP90Ms())
          .field("latencyP99Ms", w.latencyP99Ms())
          .field("latencyMaxMs", w.latencyMaxMs())
          .field("allP50Ms", w.allP50Ms())
          .field("allP90Ms", w.allP90Ms())
          .field("allP99Ms", w.allP99Ms())
          .field("allMaxMs", w.allMaxMs());
      j.end();
    }
    j.end();
    // Added after the windows; a file without them (an earlier version's) reads as undefined.
    LatencySummary all = r.latencyAllMs();
    j.beginObject("latencyAllMs");
    j.field("mean", all.mean())
        .field("p50", all.p50())
        .field("p90", all.p90())
        .field("p99", all.p99())
        .field("p999", all.p999())
        .field("max", all.max());
    j.end();
    j.field("goodputPerSecond", r.goodputPerSecond());
    j.beginObject("groups");
    for (Map.Entry<String, RequestSummary> g : r.groups().entrySet()) {
      j.beginObject(g.getKey());
      writeRequests(j, g.getValue());
      j.end();
    }
    j.end();
  }

  // ================================================================ reading

  /**
   * Parses {@code text} (the content of {@code source}, named in error messages) into a run result;
   * throws an {@link IOException} naming the field that is missing or malformed.
   */
  public static RunResult parse(String text, String source) throws IOException {
    JsonNode root;
    try {
      root = Mapper.INSTANCE.readTree(text);
    } catch (JacksonException e) {
      TokenStreamLocation loc = e.getLocation();
      String where =
          loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      throw new IOException(
          source + " is not valid JSON" + where + ": " + e.getOriginalMessage(), e);
    }
    Reader in = new Reader(source);
    if (root == null || !root.isObject()) {
      throw new IOException(source + " does not hold a JSON object");
    }
    String format = in.str(root, "format", "");
    if (!FORMAT.equals(format)) {
      throw new IOException(
          source
              + " has format '"
              + format
              + "', expected '"
              + FORMAT
              + "' (written by a different version of sim?)");
    }
    return in.result(root);
  }

  /** Walks the tree, tracking the path so errors can name the field. */
  private static final class Reader {
    private final String source;

    Reader(String source) {
      this.source = source;
    }

    RunResult result(JsonNode o) throws IOException {
      Map<String, Long> counters = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : obj(o, "counters", "").properties()) {
        counters.put(e.getKey(), asLong(e.getValue(), "counters." + e.getKey()));
      }

      int i;
      List<CounterSeries> counterSeries = new ArrayList<>();
      i = 0;
      for (JsonNode c : arr(o, "counterSeries", "")) {
        String p = "counterSeries[" + i++ + "].";
        JsonNode a = arr(c, "perWindow", p);
        long[] per = new long[a.size()];
        for (int k = 0; k < per.length; k++) {
          per[k] = asLong(a.get(k), p + "perWindow[" + k + "]");
        }
        counterSeries.add(
            new CounterSeries(str(c, "group", p), str(c, "name", p), lng(c, "total", p), per));
      }

      List<GaugeSeriesData> gauges = new ArrayList<>();
      i = 0;
      for (JsonNode g : arr(o, "gauges", "")) {
        String p = "gauges[" + i++ + "].";
        gauges.add(
            new GaugeSeriesData(
                integer(g, "node", p),
                str(g, "nodeName", p),
                str(g, "group", p),
                str(g, "name", p),
                doubles(g, "mean", p),
                doubles(g, "max", p)));
      }

      List<NodeInfo> nodes = new ArrayList<>();
      i = 0;
      for (JsonNode n : arr(o, "nodes", "")) {
        String p = "nodes[" + i++ + "].";
        nodes.add(new NodeInfo(integer(n, "id", p), str(n, "name", p), str(n, "group", p)));
      }

      List<Annotation> annotations = new ArrayList<>();
      i = 0;
      for (JsonNode a : arr(o, "annotations", "")) {
        String p = "annotations[" + i++ + "].";
        List<String> targets = new ArrayList<>();
        int k = 0;
        for (JsonNode t : arr(a, "targets", p)) {
          if (!t.isString()) {
            throw bad(p + "targets[" + k + "]", "a string", t);
          }
          targets.add(t.stringValue());
          k++;
        }
        annotations.add(
            new Annotation(
                str(a, "kind", p),
                str(a, "label", p),
                lng(a, "startNanos", p),
                lng(a, "endNanos", p),
                List.copyOf(targets)));
      }

      List<NodeEvent> nodeEvents = new ArrayList<>();
      i = 0;
      for (JsonNode e : arr(o, "nodeEvents", "")) {
        String p = "nodeEvents[" + i++ + "].";
        nodeEvents.add(
            new NodeEvent(
                lng(e, "timeNanos", p),
                integer(e, "node", p),
                str(e, "kind", p),
                str(e, "reason", p)));
      }

      List<MessageRecord> messages = new ArrayList<>();
      i = 0;
      for (JsonNode m : arr(o, "messages", "")) {
        String p = "messages[" + i++ + "].";
        messages.add(
            new MessageRecord(
                integer(m, "from", p),
                integer(m, "to", p),
                str(m, "type", p),
                str(m, "summary", p),
                lng(m, "sendNanos", p),
                lng(m, "deliverNanos", p),
                str(m, "lostCause", p)));
      }

      Failure failure = null;
      JsonNode f = o.get("failure");
      if (f != null && !f.isNull()) {
        if (!f.isObject()) {
          throw bad("failure", "an object or null", f);
        }
        String p = "failure.";
        failure =
            new Failure(
                integer(f, "node", p),
                str(f, "nodeName", p),
                lng(f, "timeNanos", p),
                str(f, "event", p),
                str(f, "message", p),
                str(f, "stackTrace", p));
      }

      List<ExpectationResult> expectations = new ArrayList<>();
      i = 0;
      for (JsonNode e : arr(o, "expectations", "")) {
        String p = "expectations[" + i++ + "].";
        JsonNode ok = e.get("ok");
        if (ok == null || !ok.isBoolean()) {
          throw bad(p + "ok", "true or false", ok);
        }
        expectations.add(
            new ExpectationResult(str(e, "check", p), dbl(e, "actual", p), ok.booleanValue()));
      }

      RunInfo info = null;
      JsonNode n = o.get("info");
      if (n != null && !n.isNull()) {
        // charts and version came later: a folder written before them reads as "all charts".
        List<String> charts = new ArrayList<>();
        JsonNode cs = n.get("charts");
        if (cs != null && cs.isArray()) {
          for (JsonNode c : cs) {
            if (!c.isString()) {
              throw bad("info.charts[" + charts.size() + "]", "a string", c);
            }
            charts.add(c.stringValue());
          }
        }
        JsonNode v = n.get("version");
        // settings came later still: an earlier folder records none, and compares by its label.
        Map<String, String> settings = new LinkedHashMap<>();
        JsonNode ss = n.get("settings");
        if (ss != null && ss.isObject()) {
          for (Map.Entry<String, JsonNode> e : ss.properties()) {
            if (!e.getValue().isString()) {
              throw bad("info.settings." + e.getKey(), "a string", e.getValue());
            }
            settings.put(e.getKey(), e.getValue().stringValue());
          }
        }
        info =
            new RunInfo(
                str(n, "title", "info."),
                str(n, "description", "info."),
                str(n, "command", "info."),
                str(n, "scenarioFile", "info."),
                charts,
                v != null && v.isString() ? v.stringValue() : "",
                settings);
      }

      String stop = str(o, "stopReason", "");
      StopReason stopReason;
      try {
        stopReason = StopReason.valueOf(stop);
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new IOException(
            source
                + ": field 'stopReason' should be one of "
                + Arrays.toString(StopReason.values())
                + ", found '"
                + stop
                + "'");
      }

      List<MetricSpec> specs = new ArrayList<>();
      i = 0;
      for (JsonNode m : arr(o, "metricSpecs", "")) {
        specs.add(spec(m, "metricSpecs[" + i++ + "]."));
      }

      RunResult.Builder b =
          RunResult.builder(str(o, "scenario", ""), lng(o, "seed", ""))
              .simulatedNanos(lng(o, "simulatedNanos", ""))
              .events(lng(o, "events", ""))
              .traceHash(str(o, "traceHash", ""))
              .stop(stopReason, str(o, "stopDetail", ""))
              .failure(failure)
              .wallSeconds(dbl(o, "wallSeconds", ""))
              .windows(lng(o, "windowNanos", ""), lng(o, "warmupNanos", ""))
              .counters(counters)
              .counterSeries(counterSeries)
              .gauges(gauges)
              .nodes(nodes)
              .annotations(annotations)
              .nodeEvents(nodeEvents)
              .messages(messages)
              .metricSpecs(specs)
              .expectations(expectations)
              .info(info);
      for (Map.Entry<String, JsonNode> e : obj(o, "families", "").properties()) {
        String p = "families." + e.getKey() + ".";
        if (!e.getValue().isObject()) {
          throw bad(p.substring(0, p.length() - 1), "an object", e.getValue());
        }
        if (e.getKey().equals(RequestSummary.NAME)) {
          b.family(requests(e.getValue(), p));
        } else if (e.getKey().equals(ConsistencySummary.NAME)) {
          b.family(consistency(e.getValue(), p));
        } else {
          throw new IOException(
              source
                  + ": unknown family '"
                  + e.getKey()
                  + "' in 'families' (written by a newer version of sim?)");
        }
      }
      return b.build();
    }

    private MetricSpec spec(JsonNode m, String p) throws IOException {
      MetricSpec.Kind kind = choice(MetricSpec.Kind.class, str(m, "kind", p), p + "kind");
      JsonNode c = field(m, "chart", p);
      MetricSpec.Chart chart = null;
      if (!c.isNull()) {
        String q = p + "chart.";
        if (!c.isObject()) {
          throw bad(p + "chart", "an object or null", c);
        }
        chart =
            new MetricSpec.Chart(
                str(c, "id", q),
                str(c, "title", q),
                str(c, "yLabel", q),
                str(c, "description", q),
                choice(MetricSpec.Aggregate.class, str(c, "aggregate", q), q + "aggregate"),
                bool(c, "runningTotal", q),
                integer(c, "order", q),
                str(c, "legend", q),
                bool(c, "compared", q));
      }
      try {
        // Added later: a spec without it (an earlier version's file) states no direction.
        Better better =
            m.has("better")
                ? choice(Better.class, str(m, "better", p), p + "better")
                : Better.NEUTRAL;
        return new MetricSpec(
            str(m, "name", p), kind, str(m, "title", p), str(m, "unit", p), chart, better);
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new IOException(source + ": " + p + " is not a valid metric spec: " + e.getMessage());
      }
    }

    private RequestSummary requests(JsonNode o, String p) throws IOException {
      JsonNode q = obj(o, "totals", p);
      String t = p + "totals.";
      RequestTotals totals =
          new RequestTotals(
              lng(q, "offered", t),
              lng(q, "ok", t),
              lng(q, "failed", t),
              lng(q, "timedOut", t),
              lng(q, "rejected", t),
              lng(q, "attempts", t),
              lng(q, "unfinished", t));
      JsonNode l = obj(o, "latencyMs", p);
      String lp = p + "latencyMs.";
      LatencySummary latency =
          new LatencySummary(
              dbl(l, "mean", lp),
              dbl(l, "p50", lp),
              dbl(l, "p90", lp),
              dbl(l, "p99", lp),
              dbl(l, "p999", lp),
              dbl(l, "max", lp));
      List<WindowStats> windows = new ArrayList<>();
      int i = 0;
      for (JsonNode w : arr(o, "windows", p)) {
        String wp = p + "windows[" + i++ + "].";
        windows.add(
            new WindowStats(
                integer(w, "index", wp),
                lng(w, "startNanos", wp),
                lng(w, "offered", wp),
                lng(w, "ok", wp),
                lng(w, "failed", wp),
                lng(w, "timedOut", wp),
                lng(w, "rejected", wp),
                lng(w, "attempts", wp),
                dbl(w, "yield", wp),
                dbl(w, "harvest", wp),
                dbl(w, "latencyP50Ms", wp),
                dbl(w, "latencyP90Ms", wp),
                dbl(w, "latencyP99Ms", wp),
                dbl(w, "latencyMaxMs", wp),
                optDbl(w, "allP50Ms", wp),
                optDbl(w, "allP90Ms", wp),
                optDbl(w, "allP99Ms", wp),
                optDbl(w, "allMaxMs", wp)));
      }
      LatencySummary all = LatencySummary.EMPTY;
      if (o.has("latencyAllMs")) {
        JsonNode a = obj(o, "latencyAllMs", p);
        String ap = p + "latencyAllMs.";
        all =
            new LatencySummary(
                dbl(a, "mean", ap),
                dbl(a, "p50", ap),
                dbl(a, "p90", ap),
                dbl(a, "p99", ap),
                dbl(a, "p999", ap),
                dbl(a, "max", ap));
      }
      Map<String, RequestSummary> groups = new LinkedHashMap<>();
      if (o.has("groups")) {
        JsonNode g = obj(o, "groups", p);
        for (Map.Entry<String, JsonNode> e : g.properties()) {
          groups.put(e.getKey(), requests(e.getValue(), p + "groups." + e.getKey() + "."));
        }
      }
      return new RequestSummary(
          totals,
          dbl(o, "yield", p),
          dbl(o, "harvest", p),
          latency,
          windows,
          all,
          optDbl(o, "goodputPerSecond", p),
          groups);
    }

    /** A number added after an earlier version: absent reads as undefined. */
    private double optDbl(JsonNode o, String name, String path) throws IOException {
      return o.has(name) ? dbl(o, name, path) : Double.NaN;
    }

    private ConsistencySummary consistency(JsonNode o, String p) throws IOException {
      List<ConsistencySummary.NodeOutcomes> nodes = new ArrayList<>();
      int i = 0;
      for (JsonNode n : arr(o, "byNode", p)) {
        String q = p + "byNode[" + i++ + "].";
        nodes.add(
            new ConsistencySummary.NodeOutcomes(
                str(n, "node", q), lng(n, "ok", q), lng(n, "fail", q), lng(n, "info", q)));
      }
      List<ConsistencySummary.LostWrite> lost = new ArrayList<>();
      i = 0;
      for (JsonNode l : arr(o, "lost", p)) {
        String q = p + "lost[" + i++ + "].";
        lost.add(
            new ConsistencySummary.LostWrite(
                str(l, "key", q),
                lng(l, "value", q),
                lng(l, "writtenNanos", q),
                lng(l, "lostNanos", q)));
      }
      return new ConsistencySummary(
          str(o, "model", p),
          bool(o, "valid", p),
          lng(o, "ops", p),
          lng(o, "lostWrites", p),
          lng(o, "staleReads", p),
          integer(o, "siblingsMax", p),
          integer(o, "divergentKeys", p),
          str(o, "verdict", p),
          integer(o, "keys", p),
          dbl(o, "siblingsMean", p),
          lng(o, "ok", p),
          lng(o, "fail", p),
          lng(o, "info", p),
          nodes,
          lost,
          str(o, "witnessKey", p),
          str(o, "witness", p),
          o.has("lostLeftOut") ? lng(o, "lostLeftOut", p) : 0,
          o.has("lostWindows") ? lostWindows(obj(o, "lostWindows", p), p + "lostWindows.") : null);
    }

    private ConsistencySummary.LostWindows lostWindows(JsonNode o, String p) throws IOException {
      List<Long> acknowledged = longs(o, "acknowledged", p);
      List<Long> shown = longs(o, "shown", p);
      if (acknowledged.size() != shown.size()) {
        throw new IOException(
            source
                + ": fields '"
                + p
                + "acknowledged' and '"
                + p
                + "shown' should have one count per window each, found "
                + acknowledged.size()
                + " and "
                + shown.size());
      }
      return new ConsistencySummary.LostWindows(lng(o, "windowNanos", p), acknowledged, shown);
    }

    private List<Long> longs(JsonNode o, String name, String path) throws IOException {
      JsonNode a = arr(o, name, path);
      List<Long> out = new ArrayList<>(a.size());
      for (int k = 0; k < a.size(); k++) {
        out.add(asLong(a.get(k), path + name + "[" + k + "]"));
      }
      return out;
    }

    private <E extends Enum<E>> E choice(Class<E> type, String value, String path)
        throws IOException {
      try {
        return Enum.valueOf(type, value);
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new IOException(
            source
                + ": field '"
                + path
                + "' should be one of "
                + Arrays.toString(type.getEnumConstants())
                + ", found '"
                + value
                + "'");
      }
    }

    private boolean bool(JsonNode o, String name, String path) throws IOException {
      JsonNode v = field(o, name, path);
      if (!v.isBoolean()) {
        throw bad(path + name, "true or false", v);
      }
      return v.booleanValue();
    }

    private JsonNode field(JsonNode o, String name, String path) throws IOException {
      JsonNode v = o.get(name);
      if (v == null) {
        throw new IOException(source + ": missing field '" + path + name + "'");
      }
      return v;
    }

    private JsonNode obj(JsonNode o, String name, String path) throws IOException {
      JsonNode v = field(o, name, path);
      if (!v.isObject()) {
        throw bad(path + name, "an object", v);
      }
      return v;
    }

    private JsonNode arr(JsonNode o, String name, String path) throws IOException {
      JsonNode v = field(o, name, path);
      if (!v.isArray()) {
        throw bad(path + name, "an array", v);
      }
      return v;
    }

    /** A string field; JSON null reads as Java null. */
    private String str(JsonNode o, String name, String path) throws IOException {
      JsonNode v = field(o, name, path);
      if (v.isNull()) {
        return null;
      }
      if (!v.isString()) {
        throw bad(path + name, "a string", v);
      }
      return v.stringValue();
    }

    private long lng(JsonNode o, String name, String path) throws IOException {
      return asLong(field(o, name, path), path + name);
    }

    private int integer(JsonNode o, String name, String path) throws IOException {
      JsonNode v = field(o, name, path);
      if (!v.isIntegralNumber() || !v.canConvertToInt()) {
        throw bad(path + name, "an integer", v);
      }
      return v.intValue();
    }

    private long asLong(JsonNode v, String path) throws IOException {
      if (!v.isIntegralNumber() || !v.canConvertToLong()) {
        throw bad(path, "an integer", v);
      }
      return v.longValue();
    }

    private double dbl(JsonNode o, String name, String path) throws IOException {
      return asDouble(field(o, name, path), path + name);
    }

    private double asDouble(JsonNode v, String path) throws IOException {
      if (v.isNull()) {
        return Double.NaN;
      }
      if (v.isNumber()) {
        return v.doubleValue();
      }
      if (v.isString()) {
        switch (v.stringValue()) {
          case "Infinity":
            return Double.POSITIVE_INFINITY;
          case "-Infinity":
            return Double.NEGATIVE_INFINITY;
          default:
            break;
        }
      }
      throw bad(path, "a number or null", v);
    }

    private double[] doubles(JsonNode o, String name, String path) throws IOException {
      JsonNode a = arr(o, name, path);
      double[] out = new double[a.size()];
      for (int k = 0; k < out.length; k++) {
        out[k] = asDouble(a.get(k), path + name + "[" + k + "]");
      }
      return out;
    }

    private IOException bad(String path, String expected, JsonNode found) {
      String shown = found == null ? "nothing" : found.toString();
      if (shown.length() > 60) {
        shown = shown.substring(0, 57) + "...";
      }
      return new IOException(
          source + ": field '" + path + "' should be " + expected + ", found " + shown);
    }
  }
}
